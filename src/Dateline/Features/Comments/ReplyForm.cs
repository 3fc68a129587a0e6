using Dateline.Web;

namespace Dateline.Features.Comments;

/// <summary>The "Leave a Reply" form's state: what the reader typed and what was wrong with it.</summary>
public sealed record ReplyForm(int ArticleId, string ArticlePath)
{
    public int? ParentId { get; init; }
    public string? Body { get; init; }
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Url { get; init; }
    public bool Remember { get; init; }
    public bool Subscribe { get; init; }
    public bool CommentsOpen { get; init; } = true;

    /// <summary>The signed render time, for the minimum-time check.</summary>
    public string? Stamp { get; init; }
    public FieldErrors Errors { get; init; } = new();
}
