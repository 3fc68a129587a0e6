namespace Dateline.Features.Comments;

/// <summary>One level of a thread as the page renders it; replies stop at the configured depth.</summary>
public sealed record CommentListView(IReadOnlyList<CommentView> Comments, int Depth, int MaxDepth)
{
    public bool CanReply => Depth < MaxDepth;

    public CommentListView Replies(CommentView parent) => new(parent.Replies, Depth + 1, MaxDepth);
}
