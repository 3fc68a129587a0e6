using Dateline.Data;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments;

/// <summary>Reads for the moderation queue, shared by the newsroom pages and the newsroom API.</summary>
public static class ModerationQueries
{
    public const int PageSize = 20;

    /// <summary>How many comments each tab holds under the filter's other conditions, in one grouped query.</summary>
    public static async Task<IReadOnlyDictionary<CommentStatus, int>> CountsAsync(DatelineDbContext db, CommentQueueFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var counts = await Narrowed(db, filter).GroupBy(c => c.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return CommentStatusNames.Tabs.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0);
    }

    /// <summary>One page of the filter's tab, newest first.</summary>
    public static Task<Page<CommentQueueRow>> PageAsync(DatelineDbContext db, CommentQueueFilter filter, int pageSize, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        return Rows(db, Narrowed(db, filter).Where(c => c.Status == filter.Status), newestFirst: true)
            .ToPageAsync(filter.Page, pageSize, ct);
    }

    public static Task<CommentQueueRow?> RowAsync(DatelineDbContext db, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Rows(db, db.Comments.AsNoTracking().Where(c => c.Id == id), newestFirst: false).FirstOrDefaultAsync(ct);
    }

    private static IQueryable<Comment> Narrowed(DatelineDbContext db, CommentQueueFilter filter)
    {
        var comments = db.Comments.AsNoTracking();
        if (filter.ArticleId is { } articleId)
        {
            comments = comments.Where(c => c.ArticleId == articleId);
        }

        if (filter.Email is { } email)
        {
            // Addresses are stored lower-cased, and the filter is lower-cased when it is read.
            comments = comments.Where(c => c.AuthorEmail == email);
        }

        if (filter.Search is { } search)
        {
            // Lower-cased on both sides, since PostgreSQL's strpos() and SQLite's instr() match case.
            // The calls run in the database as lower(), not in .NET, so no .NET culture applies.
            var term = search.ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862
            comments = comments.Where(c => c.Body.ToLower().Contains(term) || c.AuthorName.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return comments;
    }

    // Ordered before the projection: EF cannot see through a record's constructor to sort by its members.
    private static IQueryable<CommentQueueRow> Rows(DatelineDbContext db, IQueryable<Comment> comments, bool newestFirst)
    {
        var joined = from c in comments
                     join a in db.Articles on c.ArticleId equals a.Id
                     select new { Comment = c, Article = a };
        if (newestFirst)
        {
            joined = joined.OrderByDescending(x => x.Comment.CreatedAt).ThenByDescending(x => x.Comment.Id);
        }

        return joined.Select(x => new CommentQueueRow(
            x.Comment.Id, x.Comment.ArticleId, x.Article.Headline, x.Article.PathDate, x.Article.Slug,
            x.Comment.ParentId, db.Comments.Where(p => p.Id == x.Comment.ParentId).Select(p => p.AuthorName).FirstOrDefault(),
            x.Comment.Status, x.Comment.Reason, x.Comment.Kind, x.Comment.AuthorName, x.Comment.AuthorEmail, x.Comment.AuthorUrl,
            x.Comment.AuthorIp, x.Comment.UserAgent, x.Comment.UserId, x.Comment.Body, x.Comment.BodyHtml, x.Comment.CreatedAt, x.Comment.UpdatedAt));
    }
}
