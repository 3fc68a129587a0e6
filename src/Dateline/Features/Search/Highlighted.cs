namespace Dateline.Features.Search;

/// <summary>
/// Text with its matched terms, as parts that the view encodes one by one and wraps in
/// <c>mark</c>; the markup never comes from the database.
/// </summary>
public sealed record Highlighted(IReadOnlyList<HighlightedPart> Parts)
{
    public static readonly Highlighted Empty = new([]);

    public bool HasMatch => Parts.Any(p => p.IsMatch);

    public bool IsEmpty => Parts.All(p => p.Text.Length == 0);

    /// <summary>Splits text the database marked with <see cref="SearchText.MatchStart"/> and <see cref="SearchText.MatchEnd"/>.</summary>
    public static Highlighted Parse(string? marked)
    {
        if (string.IsNullOrEmpty(marked))
        {
            return Empty;
        }

        var parts = new List<HighlightedPart>();
        var inMatch = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            var atEnd = i == marked.Length;
            if (!atEnd && marked[i] != SearchText.MatchStart && marked[i] != SearchText.MatchEnd)
            {
                continue;
            }

            if (i > start)
            {
                Add(parts, SearchText.Restore(marked[start..i]), inMatch);
            }

            if (!atEnd)
            {
                inMatch = marked[i] == SearchText.MatchStart;
            }

            start = i + 1;
        }

        return new Highlighted(parts);
    }

    public static Highlighted Plain(string? text) => string.IsNullOrEmpty(text) ? Empty : new([new HighlightedPart(text, false)]);

    private static void Add(List<HighlightedPart> parts, string text, bool isMatch)
    {
        if (parts.Count > 0 && parts[^1].IsMatch == isMatch)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        }
        else
        {
            parts.Add(new HighlightedPart(text, isMatch));
        }
    }

    public override string ToString() => string.Concat(Parts.Select(p => p.Text));
}
