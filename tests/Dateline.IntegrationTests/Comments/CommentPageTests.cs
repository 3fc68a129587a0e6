using Dateline.Data;
using Dateline.Features.Comments;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Comments;

/// <summary>
/// The page a post's 303 names is counted by the database (each provider its own SQL): it must be
/// the page on which the article page shows the comment, for any shape a thread can take.
/// </summary>
public abstract class CommentPageTests(DatelineApp app)
{
    private static readonly CommentStatus[] Statuses =
        [CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Held, CommentStatus.Spam, CommentStatus.Trash];

    // Random threads with every kind of top-level entry: comments with no parent, replies to
    // comments not shown (held for someone else, spam), and removed placeholders, some kept by
    // what hangs below them and some not; times shared and out of insertion order; one loop.
    [Fact]
    public async Task ThePageOfACommentIsThePageThatShowsIt()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var random = new Random(20261130);
        var start = new DateTime(2026, 11, 30, 4, 0, 0, DateTimeKind.Utc);
        int pastFirstPage = 0, repliesAtTop = 0, placeholdersAtTop = 0;
        for (var round = 0; round < 12; round++)
        {
            var article = await admin.CreateArticleAsync(new { headline = $"Paged Story {Guid.NewGuid():N}", authors = new[] { "Host" }, status = "published" });
            var articleId = article.GetProperty("id").GetInt32();
            var saved = new List<Comment>();
            for (var i = random.Next(15, 35); i > 0; i--)
            {
                var comment = new Comment
                {
                    ArticleId = articleId,
                    ParentId = saved.Count > 0 && random.Next(5) > 1 ? saved[random.Next(saved.Count)].Id : null,
                    Status = Statuses[random.Next(Statuses.Length)],
                    AuthorName = $"Reader {i}",
                    Body = $"Comment {i}",
                    BodyHtml = $"<p>Comment {i}</p>",
                    CreatedAt = start.AddSeconds(random.Next(0, 30)),
                };
                db.Comments.Add(comment);
                await db.SaveChangesAsync();
                saved.Add(comment);
            }

            if (round == 0)
            {
                // Two approved comments made each other's parent: shown nowhere, so page 1.
                var (a, b) = (saved.First(c => c.Status == CommentStatus.Approved), saved.Last(c => c.Status == CommentStatus.Approved));
                await db.Comments.Where(c => c.Id == a.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, b.Id));
                await db.Comments.Where(c => c.Id == b.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, a.Id));
            }

            var own = saved.Where(c => c.Status == CommentStatus.Held && random.Next(2) == 0).Select(c => c.Id).Append(int.MaxValue).ToList();
            var roots = await CommentThreads.ForReaderAsync(db, articleId, own, CancellationToken.None);
            repliesAtTop += roots.Count(r => r.ParentId is not null && !r.Removed);
            placeholdersAtTop += roots.Count(r => r.Removed);
            foreach (var (newestFirst, pageSize) in new[] { (false, 1), (false, 3), (true, 1), (true, 4) })
            {
                var settings = new DiscussionSettings { NewestFirst = newestFirst, PageSize = pageSize };
                var shownOn = new Dictionary<int, int>();
                for (var page = 1; page <= CommentPages.Slice(roots, settings, 1).Count; page++)
                {
                    foreach (var id in CommentPages.Slice(roots, settings, page).Page.SelectMany(Flatten).Select(c => c.Id))
                    {
                        shownOn[id] = page;
                    }
                }

                foreach (var comment in saved.Where(c => c.Status == CommentStatus.Approved || own.Contains(c.Id)))
                {
                    var expected = shownOn.GetValueOrDefault(comment.Id, 1);
                    var actual = await CommentPages.PageOfAsync(db, articleId, comment.Id, own, settings, CancellationToken.None);
                    Assert.True(expected == actual, $"comment {comment.Id} of article {articleId} ({(newestFirst ? "newest" : "oldest")} first, {pageSize} a page): shown on page {expected}, counted {actual}");
                    pastFirstPage += expected > 1 ? 1 : 0;
                }
            }
        }

        // The random threads must reach every case, or the check proves little.
        Assert.True(pastFirstPage > 200, $"only {pastFirstPage} comments past page 1");
        Assert.True(repliesAtTop > 5, $"only {repliesAtTop} replies to hidden comments at the top");
        Assert.True(placeholdersAtTop > 5, $"only {placeholdersAtTop} placeholders at the top");
        Assert.Equal(1, await CommentPages.PageOfAsync(db, int.MaxValue, 1, [], new DiscussionSettings(), CancellationToken.None));
    }

    private static IEnumerable<CommentView> Flatten(CommentView comment) => comment.Replies.SelectMany(Flatten).Prepend(comment);
}

public sealed class CommentPageOnSqlite(SqliteApp app) : CommentPageTests(app), IClassFixture<SqliteApp>;

public sealed class CommentPageOnPostgres(PostgresApp app) : CommentPageTests(app), IClassFixture<PostgresApp>;

public sealed class CommentThreadPlanTests
{
    // Statistics taken when every comment sat on one article (as after importing the benchmark's
    // site) told SQLite's planner that an article id selects nothing; with only the status index,
    // it scanned and sorted the whole Comments table for each thread. The thread index must be
    // chosen all the same for the page's comments (in thread order), and the page of a new
    // comment must be counted from indexes, without reading the site's comments.
    [Fact]
    public async Task ThreadReadsUseTheThreadIndexEvenOnStaleStatistics()
    {
        await using var app = new DatelineApp(Provider.Sqlite);
        _ = app.CreateReaderClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        await SqlitePlan.PlantStatisticsAsync(db, """
            DELETE FROM sqlite_stat1 WHERE tbl = 'Comments';
            INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
              ('Comments', NULL, '500'),
              ('Comments', 'IX_Comments_ArticleId_Status_CreatedAt', '500 500 500 1'),
              ('Comments', 'IX_Comments_Thread', '500 500 1 1 1 1'),
              ('Comments', 'IX_Comments_Status_CreatedAt', '500 500 1'),
              ('Comments', 'IX_Comments_ParentId', '500 2');
            """);

        await using (var command = CommentThreads.Visible(db, 7, [3, 4]).Select(c => new { c.Id, c.BodyHtml }).CreateDbCommand())
        {
            var plan = await SqlitePlan.OfAsync(db, command);
            Assert.Contains(plan, step => step.StartsWith("SEARCH c USING INDEX IX_Comments_Thread", StringComparison.Ordinal));
            Assert.DoesNotContain("TEMP B-TREE", string.Join(" | ", plan), StringComparison.Ordinal);
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN c", StringComparison.Ordinal));
        }

        foreach (var newestFirst in new[] { false, true })
        {
            await using var command = CommentPages.PageOfQuery(db, 7, 12, [3, 4], newestFirst).CreateDbCommand();
            var plan = await SqlitePlan.OfAsync(db, command);
            var range = newestFirst ? "CreatedAt>?" : "CreatedAt<?";
            foreach (var step in new[]
            {
                // The comments with no parent, from the article's part of the thread index.
                $"SEARCH n USING COVERING INDEX IX_Comments_Thread (ArticleId=? AND {range})",
                // The hidden comments, and the replies to them.
                "SEARCH h USING COVERING INDEX IX_Comments_ArticleId_Status_CreatedAt (ArticleId=? AND Status=?)",
                "SEARCH u USING INDEX IX_Comments_ParentId (ParentId=?)",
                // The removed comments, and what hangs below them.
                $"SEARCH t USING INDEX IX_Comments_ArticleId_Status_CreatedAt (ArticleId=? AND Status=? AND {range})",
                "SEARCH d USING INDEX IX_Comments_ParentId (ParentId=?)",
            })
            {
                Assert.Contains(step, plan);
            }

            // Every other read of the Comments table goes through its key or an index.
            Assert.DoesNotContain(plan, step => System.Text.RegularExpressions.Regex.IsMatch(step, "^SCAN [a-z]( |$)"));
        }
    }
}
