using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Import;

public abstract class WxrExportTests(DatelineApp app)
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    [Fact]
    public async Task AnExportImportedIntoAFreshSiteGivesTheSameSite()
    {
        // The site: a WordPress import, Disqus comments on it, and articles written in Dateline.
        Assert.Equal(0, (await TestSupport.Cli.RunAsync(app.Database, null, "import", "wxr", Fixture("wxr-edge-cases.xml"))).ExitCode);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync(app.Database, null, "import", "disqus", Fixture("disqus-sample.xml"))).ExitCode);
        Assert.Equal(0, (await TestSupport.Cli.RunAsync(app.Database, null, "import", "wxr", Fixture("wxr-wordpress-real.xml"))).ExitCode);
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var story = await client.CreateArticleAsync(new
        {
            headline = "Council passes the harbour budget",
            dek = "A 7–2 vote, after eleven hours.",
            bodyMarkdown = "HARBOURTON — The council *approved* it.\n\n| Ayes | Noes |\n| --- | --- |\n| 7 | 2 |\n\nA literal ]]> stays.",
            authors = new object[] { "Maeve Brennan", new { name = "Chen Wei", slug = "chen-wei" } },
            credits = new[] { "Ana Ruiz contributed reporting." },
            image = new { url = "https://cdn.example/council.jpg", alt = "The council votes", caption = "Hands up.", credit = "Jo Lee/Gazette", width = 1600, height = 900 },
            topics = new[] { "Budget", "Harbour" },
            section = "Politics",
            dateline = "HARBOURTON",
            status = "published",
        });
        var id = story.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/newsroom/articles/{id}/corrections", new { text = "An earlier version gave the wrong tally." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/newsroom/articles/{id}/corrections", new { text = "Adds the mayor's reply.", kind = "update" })).StatusCode);
        await client.CreateArticleAsync(new { headline = "Ярмарка откроется в субботу", authors = new[] { "Chen Wei" }, bodyMarkdown = "Скоро.", status = "scheduled", publishedAt = DateTime.UtcNow.AddDays(3) });
        await client.CreateArticleAsync(new { headline = "Notes for a later story", authors = new[] { "Chen Wei" }, bodyMarkdown = "Not yet.", status = "draft" });

        var file = Path.Combine(app.Database.DataDir, "export.xml");
        var export = await TestSupport.Cli.RunAsync(app.Database, null, "export", "wxr", file);
        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains("articles: 13 (5 draft, 6 published, 2 scheduled)", export.Output, StringComparison.Ordinal);
        var xml = XDocument.Load(file);
        Assert.Equal("1.2", xml.Descendants(XName.Get("wxr_version", "http://wordpress.org/export/1.2/")).Single().Value);

        using var fresh = new TestDatabase(app.Database.Provider);
        var import = await TestSupport.Cli.RunAsync(fresh, null, "import", "wxr", file);
        Assert.True(import.ExitCode == 0 && import.Output.Contains("problems: 0", StringComparison.Ordinal), import.Output + import.Error);
        Assert.Contains("articles: 13 added, 0 updated, 0 unchanged (5 draft, 6 published, 2 scheduled)", import.Output, StringComparison.Ordinal);
        Assert.Contains("pages: 2 added, 0 updated, 0 unchanged", import.Output, StringComparison.Ordinal);
        var again = await TestSupport.Cli.RunAsync(fresh, null, "import", "wxr", file);
        Assert.Contains("articles: 0 added, 0 updated, 13 unchanged", again.Output, StringComparison.Ordinal);

        using var copy = new DatelineApp(fresh);
        var (before, after) = (await SnapshotAsync(app), await SnapshotAsync(copy));
        Assert.Equal(before.Site, after.Site);
        Assert.Subset(after.OldAddresses, before.OldAddresses);

        // Readers see the same pages, and the WordPress-era addresses still lead to them.
        var path = Http.PathOf(story);
        var (original, copied) = (await app.CreateReaderClient().GetAsync(path), await copy.CreateReaderClient().GetAsync(path));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (original.StatusCode, copied.StatusCode));
        var redirect = await copy.CreateReaderClient().GetAsync("/?p=101");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/2024/03/05/ferry-timetable/"), (redirect.StatusCode, redirect.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task AFolderThatDoesNotExistIsAClearError()
    {
        var result = await TestSupport.Cli.RunAsync(app.Database, null, "export", "wxr", Path.Combine(app.Database.DataDir, "no-such-folder", "site.xml"));
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^dateline: .*no-such-folder: no such folder\.$", result.Error.Trim());
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private sealed record Snapshot(string Site, HashSet<string> OldAddresses);

    // Everything a reader or an editor sees of the site, in a stable order, with times to the
    // second (WordPress's precision); ids and import bookkeeping are left out.
    private static async Task<Snapshot> SnapshotAsync(DatelineApp site)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var articles = await db.Articles.AsNoTracking().AsSplitQuery()
            .Include(a => a.Authors).ThenInclude(a => a.Author).Include(a => a.Topics).Include(a => a.Section).Include(a => a.Corrections).Include(a => a.Comments)
            .OrderBy(a => a.Slug).ToListAsync();
        static string S(DateTime? t) => t is { } v ? v.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
        var projected = articles.Select(a =>
        {
            var comments = a.Comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Body, StringComparer.Ordinal).ToList();
            return new
            {
                a.Headline, a.Slug, a.Dek, a.Dateline, a.BodyMarkdown, a.BodyHtml, a.Credits,
                Authors = a.Authors.OrderBy(x => x.Position).Select(x => $"{x.Author.Name} ({x.Author.Slug})"),
                Image = a.Image is { } i ? $"{i.Url}|{i.Alt}|{i.Caption}|{i.Credit}|{i.Width}x{i.Height}" : null,
                Topics = a.Topics.Select(t => $"{t.Name} ({t.Slug})").Order(StringComparer.Ordinal),
                Section = a.Section?.Name,
                Status = a.Status.ToString(),
                PublishedAt = S(a.PublishedAt),
                a.PathDate, a.CommentsOpen, a.OriginalUrl,
                OriginalId = a.OriginalId?.StartsWith("https://gazette.example/", StringComparison.Ordinal) == true ? a.OriginalId : null,
                Notes = a.Corrections.OrderBy(n => n.At).Select(n => $"{n.Kind} {S(n.At)} {n.Text}"),
                Comments = comments.Select(c => new
                {
                    c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.AuthorIp, c.Body, c.BodyHtml,
                    Status = c.Status.ToString(), Kind = c.Kind.ToString(), CreatedAt = S(c.CreatedAt),
                    Parent = c.ParentId is { } p ? comments.FindIndex(x => x.Id == p) : (int?)null,
                }),
            };
        });
        var pages = (await db.StaticPages.AsNoTracking().OrderBy(p => p.Path).ToListAsync())
            .Select(p => new { p.Title, p.Path, p.BodyMarkdown, p.BodyHtml, PublishedAt = S(p.PublishedAt), p.OriginalId });
        var authors = (await db.Authors.AsNoTracking().Select(a => a.Name + " (" + a.Slug + ")").ToListAsync()).Order(StringComparer.Ordinal);
        var old = await db.OldAddresses.AsNoTracking().Join(db.Articles, o => o.ArticleId, a => a.Id, (o, a) => o.Path + " -> " + a.Slug).ToListAsync();
        return new Snapshot(JsonSerializer.Serialize(new { authors, pages, articles = projected }, Indented), [.. old]);
    }
}

public sealed class WxrExportOnSqlite(SqliteApp app) : WxrExportTests(app), IClassFixture<SqliteApp>;

public sealed class WxrExportOnPostgres(PostgresApp app) : WxrExportTests(app), IClassFixture<PostgresApp>;
