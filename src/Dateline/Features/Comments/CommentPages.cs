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

    /// <summary>
    /// The page that shows a comment (by the position of its top-level ancestor), from the
    /// thread's outline in thread order; page 1 when the comment is not shown. It gives the same
    /// answer as finding the comment in <see cref="CommentThreads.Shape"/>'s threads sliced by
    /// <see cref="Slice"/>, in a few arrays instead of a tree of views: a post's redirect needs it
    /// on articles with thousands of comments.
    /// </summary>
    public static int PageOf(IReadOnlyList<CommentOutline> outline, int commentId, DiscussionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(settings);
        var count = outline.Count;
        var position = new Dictionary<int, int>(count);
        for (var i = 0; i < count; i++)
        {
            position.TryAdd(outline[i].Id, i);
        }

        // As CommentThreads.Thread nests them: under a shown parent, else at the top (-1).
        var parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = outline[i].ParentId is { } id && position.TryGetValue(id, out var p) && p != i ? p : -1;
        }

        // As the pruning keeps them: a comment that is not removed, and every comment above one.
        var kept = new bool[count];
        for (var i = 0; i < count; i++)
        {
            if (outline[i].Removed || kept[i])
            {
                continue;
            }

            for (var j = i; j >= 0 && !kept[j]; j = parent[j])
            {
                kept[j] = true;
            }
        }

        if (!position.TryGetValue(commentId, out var at) || !kept[at])
        {
            return 1;
        }

        // Up to the top-level ancestor; replies that loop back on each other hang from no top.
        var top = at;
        for (var steps = 0; parent[top] >= 0; steps++)
        {
            if (steps == count)
            {
                return 1;
            }

            top = parent[top];
        }

        int before = 0, tops = 0;
        for (var i = 0; i < count; i++)
        {
            if (parent[i] < 0 && kept[i])
            {
                tops++;
                before += i < top ? 1 : 0;
            }
        }

        var index = settings.NewestFirst ? tops - 1 - before : before;
        return (index / settings.PageSize) + 1;
    }
}
