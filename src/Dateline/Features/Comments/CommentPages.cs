using System.Runtime.CompilerServices;
using Dateline.Data;
using Microsoft.EntityFrameworkCore;

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
    /// The page that shows an approved comment, or one of the reader's own held ones: the page
    /// <see cref="Slice"/> puts its top-level ancestor on, in the threads
    /// <see cref="CommentThreads.ForReaderAsync"/> reads; page 1 for any other comment. A post's
    /// 303 needs it, on articles with thousands of comments.
    /// </summary>
    /// <remarks>
    /// The page is the number of top-level threads shown before the comment's (after it, newest
    /// first), which the database counts in one statement instead of the thread's outline being
    /// read, parsed and built into a tree for each post (on a 7,000-comment article at 8
    /// connections, 1.4 ms a post against 1.7 ms). A thread shown at the top is one of three
    /// kinds, each counted apart: a comment with no parent, counted in the thread index; a
    /// comment whose parent is not shown (held for someone else, or spam), found from those few
    /// parents; and a removed comment at the top, kept as a placeholder only while something
    /// shown hangs below it, found from the few removed ones.
    /// </remarks>
    public static async Task<int> PageOfAsync(DatelineDbContext db, int articleId, int commentId, IReadOnlyList<int> ownHeld, DiscussionSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var before = (await PageOfQuery(db, articleId, commentId, ownHeld, settings.NewestFirst).ToListAsync(ct)).Single();
        return (before / settings.PageSize) + 1;
    }

    /// <summary>The query behind <see cref="PageOfAsync"/>: one row, the number of threads shown before the comment's.</summary>
    public static IQueryable<int> PageOfQuery(DatelineDbContext db, int articleId, int commentId, IReadOnlyList<int> ownHeld, bool newestFirst)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ownHeld);
        var postgres = db.Database.IsNpgsql();
        object own = postgres ? ownHeld.ToArray() : System.Text.Json.JsonSerializer.Serialize(ownHeld);
        return db.Database.SqlQuery<int>(FormattableStringFactory.Create(PageOfSql(postgres, newestFirst), articleId, commentId, own));
    }

    // Built from constant fragments only: the values are the format's parameters {0} (the article),
    // {1} (the comment) and {2} (the reader's own held comments), which EF Core sends as parameters.
    private static string PageOfSql(bool postgres, bool newestFirst)
    {
        var own = postgres ? "= ANY({2})" : "IN (SELECT value FROM json_each({2}))";
        string Shown(string c) => $"""({c}."Status" = 'Approved' OR ({c}."Status" = 'Held' AND {c}."Id" {own}))""";
        // SQLite's planner, on the statistics of the benchmark's site, counted the comments with
        // no parent through the parent index (the whole site's) and the replies to hidden comments
        // from the article's every comment. The indexes and the join order are therefore fixed
        // (INDEXED BY, and CROSS JOIN, which SQLite does not reorder); PostgreSQL plans them itself.
        string Using(string index) => postgres ? "" : $"""INDEXED BY "{index}" """;
        string Before(string c) => $"""({c}."CreatedAt", {c}."Id") {(newestFirst ? ">" : "<")} (top_level."CreatedAt", top_level."Id")""";
        return $$"""
            WITH RECURSIVE up ("Id", "ParentId", "Depth") AS (
                SELECT c."Id", c."ParentId", 0 FROM "Comments" AS c
                WHERE c."Id" = {1} AND c."ArticleId" = {0} AND {{Shown("c")}}
                UNION ALL
                SELECT p."Id", p."ParentId", up."Depth" + 1 FROM up JOIN "Comments" AS p ON p."Id" = up."ParentId"
                WHERE p."ArticleId" = {0} AND (p."Status" = 'Trash' OR {{Shown("p")}}) AND up."Depth" < {{MaxDepth}}
            ),
            top_level AS MATERIALIZED (
                SELECT f."CreatedAt", f."Id" FROM "Comments" AS f
                WHERE f."Id" = (SELECT up."Id" FROM up ORDER BY up."Depth" DESC LIMIT 1)
                  AND (SELECT MAX(up."Depth") FROM up) < {{MaxDepth}}
            ),
            hidden AS MATERIALIZED (
                SELECT h."Id" FROM "Comments" AS h {{Using("IX_Comments_ArticleId_Status_CreatedAt")}}
                WHERE h."ArticleId" = {0} AND h."Status" IN ('Held', 'Spam') AND NOT (h."Status" = 'Held' AND h."Id" {{own}})
            ),
            removed ("Top", "Id") AS (
                SELECT t."Id", t."Id" FROM top_level CROSS JOIN "Comments" AS t {{Using("IX_Comments_ArticleId_Status_CreatedAt")}}
                WHERE t."ArticleId" = {0} AND t."Status" = 'Trash'
                  AND (t."ParentId" IS NULL OR t."ParentId" IN (SELECT hidden."Id" FROM hidden)) AND {{Before("t")}}
                UNION
                SELECT removed."Top", d."Id" FROM removed CROSS JOIN "Comments" AS d
                WHERE d."ParentId" = removed."Id" AND d."Status" = 'Trash'
            )
            SELECT CAST(
                (SELECT COUNT(*) FROM top_level CROSS JOIN "Comments" AS n {{Using("IX_Comments_Thread")}}
                 WHERE n."ArticleId" = {0} AND n."ParentId" IS NULL AND {{Shown("n")}} AND {{Before("n")}})
              + (SELECT COUNT(*) FROM top_level CROSS JOIN hidden CROSS JOIN "Comments" AS u
                 WHERE u."ParentId" = hidden."Id" AND u."ArticleId" = {0} AND {{Shown("u")}} AND {{Before("u")}})
              + (SELECT COUNT(DISTINCT removed."Top") FROM removed
                 WHERE EXISTS (SELECT 1 FROM "Comments" AS k WHERE k."ParentId" = removed."Id" AND {{Shown("k")}}))
              AS integer) AS "Value"
            """;
    }

    // Deeper than any thread a form or an import makes; a chain of replies that loops back on
    // itself reaches it, and such a comment hangs from no top-level one (page 1, as it is not shown).
    private const int MaxDepth = 1000;
}
