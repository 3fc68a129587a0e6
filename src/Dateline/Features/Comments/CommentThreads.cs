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

    /// <summary>
    /// The shape of the same threads (ids, parents, placeholders) as rows in thread order: enough to
    /// tell which page shows a comment, without reading and decoding every comment's text and time,
    /// or building the tree (<see cref="CommentPages.PageOf"/>).
    /// </summary>
    /// <remarks>
    /// Every accepted comment on a long thread needs this, for the page in its 303. Read as rows,
    /// each comment cost five calls into SQLite, each counting references on the statement handle, and
    /// on a 3,000-comment article that was 19% of a post's CPU. So the database joins the outline
    /// into one string ("id,parent,removed;…"), the same rows in the same order, parsed here.
    /// </remarks>
    public static async Task<List<CommentOutline>> OutlineForReaderAsync(DatelineDbContext db, int articleId, IReadOnlyList<int> ownHeld, CancellationToken ct) =>
        ParseOutline((await OutlineQuery(db, articleId, ownHeld).ToListAsync(ct)).FirstOrDefault());

    /// <summary>The query behind <see cref="OutlineForReaderAsync"/>: one row, the joined outline (null for none).</summary>
    public static IQueryable<string> OutlineQuery(DatelineDbContext db, int articleId, IReadOnlyList<int> ownHeld)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ownHeld);
        var held = ownHeld.ToArray();
        return db.Database.IsNpgsql()
            ? db.Database.SqlQuery<string>($"""
                SELECT string_agg(c."Id"::text || ',' || coalesce(c."ParentId"::text, '') || ',' || (CASE WHEN c."Status" = 'Trash' THEN '1' ELSE '0' END), ';' ORDER BY c."CreatedAt", c."Id") AS "Value"
                FROM "Comments" AS c
                WHERE c."ArticleId" = {articleId}
                  AND (c."Status" IN ('Approved', 'Trash') OR (c."Status" = 'Held' AND c."Id" = ANY({held})))
                """)
            // SQLite sorts the rows of an aggregate's own ORDER BY in a temporary B-tree; an ordered
            // subquery is read in the thread index's order with no sort, and SQLite aggregates a
            // subquery's rows in the order it yields them (the tests check that order).
            : db.Database.SqlQuery<string>($"""
                SELECT group_concat(t.row, ';') AS "Value" FROM (
                    SELECT c."Id" || ',' || coalesce(c."ParentId", '') || ',' || (c."Status" = 'Trash') AS row
                    FROM "Comments" AS c
                    WHERE c."ArticleId" = {articleId}
                      AND (c."Status" IN ('Approved', 'Trash') OR (c."Status" = 'Held' AND c."Id" IN (SELECT value FROM json_each({System.Text.Json.JsonSerializer.Serialize(held)}))))
                    ORDER BY c."CreatedAt", c."Id") AS t
                """);
    }

    /// <summary>Reads "id,parent,removed" rows joined by ';' (parent empty at the top, removed 1 or 0).</summary>
    public static List<CommentOutline> ParseOutline(string? joined)
    {
        var outline = new List<CommentOutline>();
        if (string.IsNullOrEmpty(joined))
        {
            return outline;
        }

        foreach (var range in joined.AsSpan().Split(';'))
        {
            var row = joined.AsSpan(range);
            var first = row.IndexOf(',');
            var last = row.LastIndexOf(',');
            if (first < 0 || last == first)
            {
                throw new FormatException($"Not an outline row: '{row}'.");
            }

            var parent = row[(first + 1)..last];
            outline.Add(new CommentOutline(
                int.Parse(row[..first], System.Globalization.CultureInfo.InvariantCulture),
                parent.IsEmpty ? null : int.Parse(parent, System.Globalization.CultureInfo.InvariantCulture),
                row[(last + 1)..] is "1"));
        }

        return outline;
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
