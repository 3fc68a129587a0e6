using System.Diagnostics;
using System.Globalization;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Sitemaps;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Dateline.IntegrationTests.Sitemaps.SitemapDocuments;

namespace Dateline.IntegrationTests.Sitemaps;

/// <summary>
/// The real limits, on a site with one article more than a sitemap holds: the articles split over
/// two sitemaps, and the Google News sitemap stops at its thousand newest. The rows are copied
/// in the database by one statement, which takes a second where the API would take minutes.
/// </summary>
public abstract class SitemapLimitTests(DatelineApp app, ITestOutputHelper output)
{
    private const string Site = "http://localhost";

    [Fact]
    public async Task ArticlesSplitIntoSitemapsOfFiftyThousandAndTheNewsSitemapStopsAtAThousand()
    {
        Assert.Equal(50_000, SitemapLimits.UrlsPerSitemap);
        Assert.Equal(1_000, SitemapLimits.NewsArticles);
        var total = SitemapLimits.UrlsPerSitemap + 1;
        var now = DateTime.UtcNow;
        var published = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddHours(-1);
        var clock = Stopwatch.StartNew();
        await SeedAsync(published, total);
        // One change on each page, so that each page's newest is its own.
        await ChangeAsync("bulk-7", published.AddMinutes(30));
        await ChangeAsync("bulk-50000", published.AddMinutes(40));
        output.WriteLine($"seeded {total} articles in {clock.Elapsed}");

        var reader = app.CreateReaderClient();
        clock.Restart();
        var index = await reader.GetXmlAsync("/sitemap.xml");
        AssertIsSitemapIndex(index);
        Assert.Equal([Site + "/sitemaps/pages.xml", Site + "/sitemaps/articles-1.xml", Site + "/sitemaps/articles-2.xml"], Locs(index));
        Assert.Equal(new DateTimeOffset(published.AddMinutes(30)), LastMod(index, Site + "/sitemaps/articles-1.xml"));
        Assert.Equal(new DateTimeOffset(published.AddMinutes(40)), LastMod(index, Site + "/sitemaps/articles-2.xml"));

        var first = await reader.GetXmlAsync("/sitemaps/articles-1.xml");
        var second = await reader.GetXmlAsync("/sitemaps/articles-2.xml");
        output.WriteLine($"index and both sitemaps in {clock.Elapsed}");
        // Oldest first, by id: a new article joins the last page and the others keep theirs.
        var firstLocs = Locs(first);
        Assert.Equal(SitemapLimits.UrlsPerSitemap, firstLocs.Count);
        Assert.Equal(Site + PathOf(published, 0), firstLocs[0]);
        Assert.Equal(Site + PathOf(published, SitemapLimits.UrlsPerSitemap - 1), firstLocs[^1]);
        Assert.Equal([Site + PathOf(published, total - 1)], Locs(second));
        Assert.Equal(total, firstLocs.Concat(Locs(second)).Distinct().Count());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync("/sitemaps/articles-3.xml")).StatusCode);
        if (SchemaErrors(second) is { } errors)
        {
            Assert.Empty(errors);
            Assert.Empty(SchemaErrors(first)!);
        }

        // Published at the same moment, so the newest are the latest added.
        var news = (await reader.GetXmlAsync("/news-sitemap.xml")).Root!.Elements().ToList();
        Assert.Equal(SitemapLimits.NewsArticles, news.Count);
        Assert.Equal(Site + PathOf(published, total - 1), news[0].Element(Sm + "loc")!.Value);
        Assert.Equal(Site + PathOf(published, total - SitemapLimits.NewsArticles), news[^1].Element(Sm + "loc")!.Value);
    }

    private static string PathOf(DateTime published, int i) => ArticlePaths.Of(DateOnly.FromDateTime(published), $"bulk-{i}");

    /// <summary>
    /// Adds one published article, "bulk-0", then copies its row count - 1 times as "bulk-1"…,
    /// in one statement. The columns come from the model, so the copy follows schema changes.
    /// </summary>
    private async Task SeedAsync(DateTime published, int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var template = new Article
        {
            Headline = "Bulk story",
            Slug = "bulk-0",
            Status = ArticleStatus.Published,
            PublishedAt = published,
            PathDate = DateOnly.FromDateTime(published),
            CreatedAt = published,
            UpdatedAt = published,
        };
        db.Articles.Add(template);
        await db.SaveChangesAsync();

        var table = db.Model.GetRelationalModel().FindTable("Articles", null)!;
        var copied = table.Columns.Select(c => c.Name).Where(c => c is not "Id" and not "Slug").Select(c => $"\"{c}\"").ToList();
        var sql = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + (count - 1).ToString(CultureInfo.InvariantCulture) + ") "
            + "INSERT INTO \"Articles\" (\"Slug\", " + string.Join(", ", copied) + ") "
            + "SELECT 'bulk-' || n.i, " + string.Join(", ", copied.Select(c => "t." + c)) + " "
            + "FROM n CROSS JOIN \"Articles\" AS t WHERE t.\"Id\" = " + template.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(count - 1, await db.Database.ExecuteSqlRawAsync(sql));
    }

    private async Task ChangeAsync(string slug, DateTime updatedAt)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        Assert.Equal(1, await db.Articles.Where(a => a.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, updatedAt)));
    }
}

public sealed class SitemapLimitsOnSqlite(SqliteApp app, ITestOutputHelper output) : SitemapLimitTests(app, output), IClassFixture<SqliteApp>;

public sealed class SitemapLimitsOnPostgres(PostgresApp app, ITestOutputHelper output) : SitemapLimitTests(app, output), IClassFixture<PostgresApp>;
