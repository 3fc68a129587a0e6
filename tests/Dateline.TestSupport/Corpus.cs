namespace Dateline.TestSupport;

/// <summary>Finds the shared real-world corpus (../shared/corpus beside the repository, or $DATELINE_CORPUS), if present.</summary>
public static class Corpus
{
    public static string? Find(string relativePath)
    {
        // A checkout elsewhere (a worktree) can point at the corpus explicitly.
        if (Environment.GetEnvironmentVariable("DATELINE_CORPUS") is { Length: > 0 } root && File.Exists(Path.Combine(root, relativePath)))
        {
            return Path.Combine(root, relativePath);
        }

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
