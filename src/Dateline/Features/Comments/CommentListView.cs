namespace Dateline.Features.Comments;

/// <summary>One level of a thread as the page renders it; replies stop at the configured depth.</summary>
public sealed record CommentListView(IReadOnlyList<CommentView> Comments, int Depth, int MaxDepth)
{
    /// <summary>False when the article no longer takes comments: a Reply link would only lead to a refusal.</summary>
    public bool Open { get; init; } = true;

    public bool CanReply => Open && Depth < MaxDepth;

    public CommentListView Replies(CommentView parent) => this with { Comments = parent.Replies, Depth = Depth + 1 };
}
