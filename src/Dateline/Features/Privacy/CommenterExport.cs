namespace Dateline.Features.Privacy;

/// <summary>Everything Dateline stores about one commenter's e-mail address.</summary>
public sealed record CommenterExport(string Email, DateTime ExportedAt, IReadOnlyList<CommenterExportComment> Comments);

public sealed record CommenterExportComment(
    int Id, int ArticleId, string ArticleHeadline, string? ArticlePath, int? ParentId, string Status,
    string AuthorName, string? AuthorUrl, string? AuthorIp, string? UserAgent, string Body, DateTime CreatedAt);
