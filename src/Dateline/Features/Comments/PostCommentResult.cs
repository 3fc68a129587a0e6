using Dateline.Web;

namespace Dateline.Features.Comments;

public enum PostCommentOutcome
{
    Approved,
    Held,
    Invalid,
    NotFound,
    Closed,
    Flood,
    Duplicate,
}

/// <summary>What became of a posted comment; refusals carry the reason for the reader.</summary>
public sealed record PostCommentResult(PostCommentOutcome Outcome, string ArticlePath = "", int CommentId = 0)
{
    public FieldErrors Errors { get; init; } = new();
    public string? Message { get; init; }
    public int RetryAfterSeconds { get; init; }

    /// <summary>The checked input, to show back to the reader whatever happened.</summary>
    public CommentInput? Input { get; init; }
}
