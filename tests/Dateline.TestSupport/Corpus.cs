namespace Dateline.TestSupport;

/// <summary>Finds the shared real-world corpus (../shared/corpus beside the repository), if present.</summary>
public static class Corpus
{
    public static string? Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus", relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
