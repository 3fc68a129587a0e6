namespace Dateline.Features.Articles;

/// <summary>One page of the public article list.</summary>
public sealed record ArticleListResponse(IReadOnlyList<ArticleResponse> Articles, int Page, bool HasNext, string? Next);
