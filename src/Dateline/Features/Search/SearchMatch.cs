namespace Dateline.Features.Search;

/// <summary>An article the index matched, with its relevance (higher is better).</summary>
public sealed class SearchMatch
{
    public int ArticleId { get; init; }
    public double Rank { get; init; }
}
