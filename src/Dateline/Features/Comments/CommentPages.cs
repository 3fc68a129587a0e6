namespace Dateline.Features.Comments;

/// <summary>Long threads split into pages of top-level comments, in the configured order.</summary>
public static class CommentPages
{
    public static (IReadOnlyList<CommentView> Page, int Number, int Count) Slice(IReadOnlyList<CommentView> roots, DiscussionSettings settings, int? requested)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(settings);
        var ordered = settings.NewestFirst ? roots.Reverse().ToList() : roots.ToList();
        var count = Math.Max(1, (ordered.Count + settings.PageSize - 1) / settings.PageSize);
        var number = Math.Clamp(requested ?? 1, 1, count);
        return (ordered.Skip((number - 1) * settings.PageSize).Take(settings.PageSize).ToList(), number, count);
    }

    /// <summary>The page that shows a comment (by the position of its top-level ancestor).</summary>
    public static int PageOf(IReadOnlyList<CommentView> roots, int commentId, DiscussionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(settings);
        var ordered = settings.NewestFirst ? roots.Reverse().ToList() : roots.ToList();
        var index = ordered.FindIndex(root => Contains(root, commentId));
        return index < 0 ? 1 : (index / settings.PageSize) + 1;
    }

    private static bool Contains(CommentView comment, int id) => comment.Id == id || comment.Replies.Any(r => Contains(r, id));
}
