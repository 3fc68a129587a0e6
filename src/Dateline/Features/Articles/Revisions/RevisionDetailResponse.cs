namespace Dateline.Features.Articles.Revisions;

/// <summary>One revision with the article's editable fields as that save left them.</summary>
public sealed record RevisionDetailResponse(int Number, DateTime SavedAt, string SavedBy, string SavedByName, string Summary, int? RestoredFrom, ArticleSnapshot Article);
