namespace Dateline.Features.Comments;

/// <summary>A comment as moderators see it through the newsroom API, with its status and why.</summary>
public sealed record ModerationCommentResponse(
    int Id,
    int ArticleId,
    string ArticleHeadline,
    int? ParentId,
    string Status,
    string? Reason,
    string Kind,
    string AuthorName,
    string? AuthorEmail,
    string? AuthorUrl,
    string? AuthorIp,
    string Body,
    string BodyHtml,
    DateTime CreatedAt);
