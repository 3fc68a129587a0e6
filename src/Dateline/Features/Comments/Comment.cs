namespace Dateline.Features.Comments;

public sealed class Comment
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int? ParentId { get; set; }
    public CommentKind Kind { get; set; } = CommentKind.Comment;
    public CommentStatus Status { get; set; } = CommentStatus.Held;

    /// <summary>Why a comment is held or spam (for example "first-comment" or "links:3"), for moderators.</summary>
    public string? Reason { get; set; }

    public required string AuthorName { get; set; }

    // Private: never on a public page, feed, API answer or log line.
    public string? AuthorEmail { get; set; }
    public string? AuthorUrl { get; set; }
    public string? AuthorIp { get; set; }
    public string? UserAgent { get; set; }

    /// <summary>
    /// A hash of the commenter's browser key (from a signed cookie). Trust is earned by a browser
    /// whose comment was approved, not by typing an e-mail address that anyone could type.
    /// </summary>
    public string? CommenterKey { get; set; }

    /// <summary>Set when a newsroom user wrote it, so that the page can mark it as staff.</summary>
    public string? UserId { get; set; }

    public required string Body { get; set; }
    public string BodyHtml { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public string? OriginalId { get; set; }
}
