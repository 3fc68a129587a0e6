namespace Dateline.Features.Search;

/// <summary>Which words of a headline say what it is about, for finding related articles.</summary>
internal static class RelatedWords
{
    // Short and common words match nearly everything and would rank any article as related.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "about", "after", "again", "against", "also", "amid", "among", "been", "before", "being", "between",
        "could", "does", "down", "during", "each", "from", "have", "having", "here", "into", "just", "more",
        "most", "much", "must", "near", "new", "news", "only", "other", "over", "says", "said", "should",
        "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those",
        "through", "under", "until", "upon", "very", "were", "what", "when", "where", "which", "while",
        "who", "whom", "why", "will", "with", "would", "year", "years", "your",
    };

    public static bool IsTelling(string word) => word.Length >= 4 && !Common.Contains(word);
}
