namespace Dateline.Features.Articles.Revisions;

/// <summary>One page of an article's revisions, newest first.</summary>
public sealed record RevisionListResponse(int ArticleId, IReadOnlyList<RevisionResponse> Revisions, int Page, bool HasNext);
