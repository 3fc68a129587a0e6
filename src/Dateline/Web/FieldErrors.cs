namespace Dateline.Web;

/// <summary>Validation messages keyed by the field they belong to, as problem details name them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Adds the other's errors for fields that have none here yet.</summary>
    public void AddMissing(FieldErrors other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (field, messages) in other.errors)
        {
            if (!errors.ContainsKey(field))
            {
                errors[field] = [.. messages];
            }
        }
    }

    public bool Has(string field) => errors.ContainsKey(field);

    public IReadOnlyList<string> For(string field) => errors.TryGetValue(field, out var list) ? list : [];

    /// <summary>A field's errors with those of its parts ("authors[2]", "image.url"), for a form that edits them as one.</summary>
    public IReadOnlyList<string> ForAll(string field) =>
        [.. errors.Where(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal) || e.Key.StartsWith(field + ".", StringComparison.Ordinal))
            .SelectMany(e => e.Value)];

    /// <summary>
    /// What a form field's aria-describedby names: its note, if any, and its error (drawn by
    /// _FieldError with the id "{field}-error") when it has one; null when neither.
    /// </summary>
    public string? DescribedBy(string field, string? noteId = null)
    {
        var error = Has(field) ? field + "-error" : null;
        return noteId is null ? error : error is null ? noteId : $"{noteId} {error}";
    }

    public Dictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
