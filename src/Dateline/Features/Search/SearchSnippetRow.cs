namespace Dateline.Features.Search;

/// <summary>A matched article's headline, dek and body excerpt, with the matched terms marked.</summary>
public sealed class SearchSnippetRow
{
    public int ArticleId { get; init; }
    public string? Headline { get; init; }
    public string? Dek { get; init; }
    public string? Body { get; init; }
}
