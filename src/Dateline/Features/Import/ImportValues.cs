namespace Dateline.Features.Import;

/// <summary>Small rules every importer applies to values from another system's export.</summary>
internal static class ImportValues
{
    /// <summary>Sets a field only when the value differs; true when it did, which is how a second run knows what changed.</summary>
    public static bool Set<T>(T current, T value, Action<T> set)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }

        set(value);
        return true;
    }

    /// <summary>The trimmed value when it fits the column, else null: a half address is worse than none.</summary>
    public static string? Fits(string? value, int max) => value is null ? null : value.Trim() is { Length: > 0 } v && v.Length <= max ? v : null;

    /// <summary>The value cut to the column's length; prose may lose its end rather than be refused.</summary>
    public static string Cut(string? value, int max) => value is null ? "" : value.Length <= max ? value : value[..max].TrimEnd();

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
