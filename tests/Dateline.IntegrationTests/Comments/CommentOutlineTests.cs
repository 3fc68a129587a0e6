using Dateline.Data;
using Dateline.Features.Comments;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Comments;

/// <summary>
/// The thread outline is read as one string joined by the database (each provider its own SQL):
/// it must hold the same rows, in the same order, as the EF Core query that reads the comments for the article page.
/// </summary>
public abstract class CommentOutlineTests(DatelineApp app)
{
    [Fact]
    public async Task TheJoinedOutlineMatchesTheThreadTheArticlePageReads()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var article = await admin.CreateArticleAsync(new { headline = $"Outline Story {Guid.NewGuid():N}", authors = new[] { "Host" }, status = "published" });
        var articleId = article.GetProperty("id").GetInt32();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var random = new Random(20261130);
        var statuses = new[] { CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Held, CommentStatus.Spam, CommentStatus.Trash };
        // Several comments share a time, so that the order's second key (the id) is tested too.
        var start = new DateTime(2026, 11, 30, 4, 0, 0, DateTimeKind.Utc);
        var saved = new List<Comment>();
        for (var i = 0; i < 120; i++)
        {
            var comment = new Comment
            {
                ArticleId = articleId,
                ParentId = saved.Count > 0 && random.Next(3) > 0 ? saved[random.Next(saved.Count)].Id : null,
                Status = statuses[random.Next(statuses.Length)],
                AuthorName = $"Reader {i}",
                Body = $"Comment {i}",
                BodyHtml = $"<p>Comment {i}</p>",
                // Backwards in time now and then, so that thread order is not insertion order.
                CreatedAt = start.AddSeconds(random.Next(0, 40)),
            };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            saved.Add(comment);
        }

        var held = saved.Where(c => c.Status == CommentStatus.Held).Select(c => c.Id).Take(5).Append(int.MaxValue).ToList();
        foreach (var own in new[] { held, [] })
        {
            var expected = await CommentThreads.Visible(db, articleId, own)
                .Select(c => new CommentOutline(c.Id, c.ParentId, c.Status == CommentStatus.Trash))
                .ToListAsync();
            var outline = await CommentThreads.OutlineForReaderAsync(db, articleId, own, CancellationToken.None);
            Assert.Equal(expected, outline);
            Assert.Contains(outline, o => o.Removed);
            Assert.Contains(outline, o => o.ParentId is not null);
            Assert.Equal(own.Count > 1 ? 5 : 0, outline.Count(o => saved.Single(c => c.Id == o.Id).Status == CommentStatus.Held));
        }

        Assert.Empty(await CommentThreads.OutlineForReaderAsync(db, int.MaxValue, [], CancellationToken.None));
    }
}

public sealed class CommentOutlineOnSqlite(SqliteApp app) : CommentOutlineTests(app), IClassFixture<SqliteApp>;

public sealed class CommentOutlineOnPostgres(PostgresApp app) : CommentOutlineTests(app), IClassFixture<PostgresApp>;

public sealed class CommentThreadPlanTests
{
    // Statistics taken when every comment sat on one article (as after importing the benchmark's
    // site) told SQLite's planner that an article id selects nothing; with only the status index,
    // it scanned and sorted the whole Comments table for each thread. The thread index must be
    // chosen all the same, for the page's comments (in thread order) and for the post's outline.
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

        foreach (var (query, index) in new[]
        {
            (CommentThreads.Visible(db, 7, [3, 4]).Select(c => new { c.Id, c.BodyHtml }).CreateDbCommand(), "USING INDEX IX_Comments_Thread"),
            (CommentThreads.OutlineQuery(db, 7, [3, 4]).CreateDbCommand(), "USING COVERING INDEX IX_Comments_Thread"),
        })
        {
            await using var command = query;
            var plan = await SqlitePlan.OfAsync(db, command);
            var text = string.Join(" | ", plan);
            Assert.Contains(plan, step => step.StartsWith("SEARCH c ", StringComparison.Ordinal) && step.Contains(index, StringComparison.Ordinal));
            Assert.DoesNotContain("TEMP B-TREE", text, StringComparison.Ordinal);
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN c", StringComparison.Ordinal));
        }
    }
}
