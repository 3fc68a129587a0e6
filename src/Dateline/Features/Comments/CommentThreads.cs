using Dateline.Data;
using Dateline.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments;

public static class CommentThreads
{
    /// <summary>
    /// An article's approved comments as threads, oldest first, in one query. A trashed comment
    /// with approved replies stays as a "removed" placeholder, so the conversation keeps its shape.
    /// </summary>
    public static Task<IReadOnlyList<CommentView>> ApprovedAsync(DatelineDbContext db, int articleId, CancellationToken ct) =>
        ForReaderAsync(db, articleId, [], ct);

    /// <summary>The approved thread plus the reader's own held comments (ids from their signed cookie).</summary>
    public static async Task<IReadOnlyList<CommentView>> ForReaderAsync(DatelineDbContext db, int articleId, IReadOnlyList<int> ownHeld, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var comments = await Visible(db, articleId, ownHeld)
            .Select(c => c.Status == CommentStatus.Trash
                ? new CommentView(c.Id, c.ParentId, "", null, "", c.CreatedAt, false) { Removed = true }
                : new CommentView(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.BodyHtml, c.CreatedAt, c.UserId != null) { AwaitingModeration = c.Status == CommentStatus.Held })
            .ToListAsync(ct);
        return Shape(comments);
    }

    /// <summary>The comments a reader sees on an article, in thread order.</summary>
    public static IQueryable<Comment> Visible(DatelineDbContext db, int articleId, IReadOnlyList<int> ownHeld)
    {
        var held = ownHeld.ToList();
        return db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId
                && (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Trash || (c.Status == CommentStatus.Held && held.Contains(c.Id))))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
    }

    /// <summary>Threads comments (in thread order) and drops the placeholders with nothing approved below them.</summary>
    public static IReadOnlyList<CommentView> Shape(IReadOnlyList<CommentView> comments) => Prune(Thread(comments));

    // Placeholders with nothing approved below them disappear, from the leaves up.
    private static List<CommentView> Prune(IEnumerable<CommentView> comments)
    {
        var kept = new List<CommentView>();
        foreach (var comment in comments)
        {
            var replies = Prune(comment.Replies);
            comment.Replies.Clear();
            comment.Replies.AddRange(replies);
            if (!comment.Removed || comment.Replies.Count > 0)
            {
                kept.Add(comment);
            }
        }

        return kept;
    }

    /// <summary>Nests replies under their parents; a reply whose parent is not shown stays at the top.</summary>
    public static IReadOnlyList<CommentView> Thread(IReadOnlyList<CommentView> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var byId = comments.ToDictionary(c => c.Id);
        var roots = new List<CommentView>();
        foreach (var comment in comments)
        {
            if (comment.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) && parent != comment)
            {
                parent.Replies.Add(comment);
            }
            else
            {
                roots.Add(comment);
            }
        }

        return roots;
    }
}
