using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Archives;
using Dateline.Features.Articles;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Pages;

/// <summary>
/// Lists keep their <c>?page=N</c> addresses, but a page asked for after the one before it is
/// read from where that one ended (keyset), not by counting past every article before it. The
/// lists here hold seven articles, two a page, three of them published at the same moment, across
/// the end of page 2; the database commands of each request are recorded (EF's diagnostic events,
/// for the request the test marked).
/// </summary>
public abstract class ArchivePagingTests : IDisposable
{
    // Not static: the SQLite and PostgreSQL classes may run at once, and each one's listener
    // hears every app's commands.
    private readonly AsyncLocal<ConcurrentQueue<string>?> recording = new();
    private readonly EfCommandEvents events;
    private readonly DatelineApp app;

    protected ArchivePagingTests(Provider provider)
    {
        app = new DatelineApp(provider) { PreserveExecutionContext = true };
        app.Settings["Dateline:PageSize"] = "2";
        events = new EfCommandEvents(commandText: text => recording.Value?.Enqueue(text));
    }

    /// <summary>A topic of seven articles; returns its slug and headlines, newest first.</summary>
    private async Task<(string Slug, List<string> NewestFirst)> TopicAsync()
    {
        var editor = app.CreateClient(await app.CreateApiKeyAsync(Roles.Editor));
        var name = $"Paging {Guid.NewGuid():N}"[..18];
        var start = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        // Three share a moment: pages 2 and 3 meet inside that tie, which the ids order.
        int[] hours = [0, 1, 2, 2, 2, 3, 4];
        var slug = "";
        var headlines = new List<string>();
        for (var i = 0; i < hours.Length; i++)
        {
            var headline = $"{name} story {i}";
            var article = await editor.CreateArticleAsync(new
            {
                headline,
                authors = new[] { "Page Turner" },
                topics = new[] { name },
                bodyMarkdown = "Body.",
                status = "published",
                publishedAt = start.AddHours(hours[i]),
            });
            slug = article.GetProperty("topics")[0].GetProperty("slug").GetString()!;
            headlines.Insert(0, headline);
        }

        return (slug, headlines);
    }

    /// <summary>Asks for a page as a reader, and records the database commands that answering it ran.</summary>
    private async Task<(HttpResponseMessage Answer, List<string> Commands)> AskAsync(string path)
    {
        var commands = new ConcurrentQueue<string>();
        recording.Value = commands;
        var answer = await app.CreateReaderClient().GetAsync(path);
        recording.Value = null;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (answer, [.. commands]);
    }

    private async Task<(List<string> Headlines, List<string> Commands)> TopicPageAsync(string slug, int page)
    {
        var (answer, commands) = await AskAsync($"/topics/{slug}/?page={page}");
        var html = await answer.HtmlAsync();
        return ([.. html.QuerySelectorAll(".summary-headline").Select(h => h.TextContent)], commands);
    }

    private async Task<(List<string> Headlines, List<string> Commands)> ApiPageAsync(string slug, int page)
    {
        var (answer, commands) = await AskAsync($"/api/articles?topic={slug}&page={page}");
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return ([.. json.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("headline").GetString()!)], commands);
    }

    private static bool CountsPast(List<string> commands) => commands.Any(c => c.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));

    public static TheoryData<string> Lists => ["page", "api"];

    private Func<string, int, Task<(List<string> Headlines, List<string> Commands)>> Reader(string list) =>
        list == "page" ? TopicPageAsync : ApiPageAsync;

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task WalkingAListShowsEveryArticleOnceAndReadsEachNextPageFromWhereTheLastEnded(string list)
    {
        var (slug, expected) = await TopicAsync();
        var read = Reader(list);
        var seen = new List<string>();
        for (var page = 1; page <= 4; page++)
        {
            var (headlines, commands) = await read(slug, page);
            seen.AddRange(headlines);
            if (page > 1)
            {
                Assert.False(CountsPast(commands), $"page {page} counted past the articles before it:\n{string.Join("\n", commands)}");
            }
        }

        Assert.Equal(expected, seen);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task APageAskedForFirstIsReadByCountingAndShowsTheSameArticles(string list)
    {
        var (slug, expected) = await TopicAsync();
        var (headlines, commands) = await Reader(list)(slug, 3);
        Assert.Equal(expected.Skip(4).Take(2), headlines);
        Assert.True(CountsPast(commands), "page 3 had no page 2 to start from, yet was not read by offset");
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task AfterAnArticleChangesWhereAPageEndedIsForgotten(string list)
    {
        var (slug, expected) = await TopicAsync();
        var read = Reader(list);
        Assert.Equal(expected.Take(2), (await read(slug, 1)).Headlines);

        // A newer article moves every article one place down: page 2 now begins with what ended page 1.
        var editor = app.CreateClient(await app.CreateApiKeyAsync(Roles.Editor));
        var topicName = expected[0][..expected[0].LastIndexOf(" story", StringComparison.Ordinal)];
        await editor.CreateArticleAsync(new { headline = $"{topicName} newest", authors = new[] { "Page Turner" }, topics = new[] { topicName }, bodyMarkdown = "Body.", status = "published" });

        Assert.Equal(expected.Skip(1).Take(2), (await read(slug, 2)).Headlines);
    }

    public void Dispose()
    {
        events.Dispose();
        app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class ArchivePagingOnSqlite() : ArchivePagingTests(Provider.Sqlite);

public sealed class ArchivePagingOnPostgres() : ArchivePagingTests(Provider.Postgres);

public sealed class ArchiveListPlanTests
{
    // SQLite's statistics know only the average topic. A small topic is read from its own rows,
    // then sorted; a large one by walking the list index (the query of a topic too large for the
    // first form is written here as the product writes it).
    [Fact]
    public async Task ASmallTopicIsReadFromItsOwnRowsAndALargeOneByWalkingTheList()
    {
        await using var app = new DatelineApp(Provider.Sqlite);
        var editor = app.CreateClient(await app.CreateApiKeyAsync(Roles.Editor));
        await editor.CreateArticleAsync(new { headline = "A Topic Of One", authors = new[] { "Solo" }, topics = new[] { "Rare Birds" }, status = "published" });
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var archives = scope.ServiceProvider.GetRequiredService<ArchiveQueries>();
        var topicId = await db.Topics.Where(t => t.Slug == "rare-birds").Select(t => t.Id).SingleAsync();
        await SqlitePlan.PlantStatisticsAsync(db, """
            DELETE FROM sqlite_stat1 WHERE tbl IN ('Articles', 'ArticleTopic');
            INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
              ('Articles', 'IX_Articles_Status_PublishedAt', '100000 100000 1'),
              ('Articles', 'IX_Articles_NewestFirst', '100000 1 1 1 1'),
              ('ArticleTopic', 'IX_ArticleTopic_TopicsId', '200000 1000');
            """);

        async Task<string> PlanAsync(IQueryable<Article> query)
        {
            await using var command = query.NewestFirst().Take(21).Select(a => new { a.Id, a.Headline }).CreateDbCommand();
            return string.Join(" | ", await SqlitePlan.OfAsync(db, command));
        }

        var small = await PlanAsync(await archives.InTopicAsync(topicId, default));
        Assert.Contains("SEARCH a USING INTEGER PRIMARY KEY", small, StringComparison.Ordinal);
        Assert.Contains("IX_ArticleTopic_TopicsId", small, StringComparison.Ordinal);
        Assert.Equal(["A Topic Of One"], await (await archives.InTopicAsync(topicId, default)).Select(a => a.Headline).ToListAsync());

        var large = await PlanAsync(archives.Published.Where(a => a.Topics.Any(t => t.Id == topicId)));
        Assert.Contains("IX_Articles_NewestFirst", large, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", large, StringComparison.Ordinal);
    }

    // The reader's rule allows two statuses; with only the (Status, PublishedAt) index, SQLite read
    // them as two ranges and sorted every published article for each page (1.4 s for a page deep in
    // a 100,000-article archive). Both ways of reading a page must walk the list's index in order.
    [Fact]
    public async Task ListPagesAreReadInTheListIndexsOrderWithNoSort()
    {
        await using var app = new DatelineApp(Provider.Sqlite);
        _ = app.CreateReaderClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        // Statistics as a large site has them just after the upgrade that adds the list index:
        // every article published, and nothing known of the new index yet.
        await SqlitePlan.PlantStatisticsAsync(db, """
            DELETE FROM sqlite_stat1 WHERE tbl = 'Articles';
            INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
              ('Articles', 'IX_Articles_Status_PublishedAt', '100000 100000 1'),
              ('Articles', 'IX_Articles_PathDate_Slug', '100000 28 1');
            """);
        var now = DateTime.UtcNow;
        var published = db.Articles.AsNoTracking().Published(now);
        foreach (var query in new[]
        {
            published.NewestFirst().Skip(4000).Take(21),
            ArchiveQueries.After(published, new ArchivePageEnds.Place(now.AddDays(-30), 5000)).NewestFirst().Take(21),
        })
        {
            await using var command = query.Select(a => new { a.Id, a.Headline }).CreateDbCommand();
            var text = string.Join(" | ", await SqlitePlan.OfAsync(db, command));
            Assert.Contains("IX_Articles_NewestFirst", text, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", text, StringComparison.Ordinal);
        }
    }
}
