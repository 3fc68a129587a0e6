using Dateline.Features.Articles;

namespace Dateline.Features.Comments;

/// <summary>
/// A comment as moderators see it: who wrote it from where, why it is where it is, and what it
/// answers. It carries the e-mail address and IP, so it belongs on newsroom answers alone.
/// </summary>
public sealed record CommentQueueRow(
    int Id,
    int ArticleId,
    string Headline,
    DateOnly? ArticlePathDate,
    string ArticleSlug,
    int? ParentId,
    string? ParentAuthorName,
    CommentStatus Status,
    string? Reason,
    CommentKind Kind,
    string AuthorName,
    string? AuthorEmail,
    string? AuthorUrl,
    string? AuthorIp,
    string? UserAgent,
    string? UserId,
    string Body,
    string BodyHtml,
    DateTime CreatedAt,
    DateTime? UpdatedAt)
{
    /// <summary>The article's public path, or null while it has never been published.</summary>
    public string? ArticlePath => ArticlePathDate is { } date ? ArticlePaths.Of(date, ArticleSlug) : null;

    public bool IsStaff => UserId is not null;

    public ModerationCommentResponse ToResponse() => new(
        Id, ArticleId, Headline, ParentId, CommentStatusNames.Of(Status), Reason, Kind.ToString().ToLowerInvariant(),
        AuthorName, AuthorEmail, AuthorUrl, AuthorIp, Body, BodyHtml, CreatedAt);
}
