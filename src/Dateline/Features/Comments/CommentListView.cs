namespace Dateline.Features.Comments;

/// <summary>A thread as the page renders it, from the level <paramref name="Depth"/>; Reply links stop at the configured depth.</summary>
public sealed record CommentListView(IReadOnlyList<CommentView> Comments, int Depth, int MaxDepth)
{
    /// <summary>False when the article no longer takes comments: a Reply link would only lead to a refusal.</summary>
    public bool Open { get; init; } = true;

    /// <summary>Whether comments at <paramref name="depth"/> offer a Reply link.</summary>
    public bool CanReplyAt(int depth) => Open && depth < MaxDepth;
}
