using Dateline.Data;
using Dateline.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments;

public static class CommentThreads
{
    /// <summary>An article's approved comments as threads, oldest first, in one query.</summary>
    public static async Task<IReadOnlyList<CommentView>> ApprovedAsync(DatelineDbContext db, int articleId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId)
            .Approved()
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.BodyHtml, c.CreatedAt, c.UserId != null))
            .ToListAsync(ct);
        return Thread(comments);
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
