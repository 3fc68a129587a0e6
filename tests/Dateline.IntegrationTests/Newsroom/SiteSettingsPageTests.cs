using System.Net;
using System.Text.Json;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Settings;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>
/// The site settings page: what an admin saves there overrides configuration at once, on cached
/// pages, feeds and structured data, and on another instance sharing the database soon after.
/// </summary>
public abstract class SiteSettingsPageTests(DatelineApp app)
{
    private const string ConfiguredTagline = "News, as it happens";

    private static Dictionary<string, string> Site(string title, string tagline = ConfiguredTagline, string url = "", string zone = "UTC", string language = "en") =>
        new() { ["siteTitle"] = title, ["tagline"] = tagline, ["siteUrl"] = url, ["timeZone"] = zone, ["language"] = language };

    private async Task<(int Id, string Path)> PublishedArticleAsync(object? publishedAt = null)
    {
        var writer = app.CreateClient(await app.CreateApiKeyAsync(Roles.Editor));
        var article = await writer.CreateArticleAsync(new
        {
            headline = $"Settings Story {Guid.NewGuid():N}",
            authors = new[] { "Settings Writer" },
            bodyMarkdown = "Body.",
            status = "published",
            publishedAt,
        });
        return (article.GetProperty("id").GetInt32(), Http.PathOf(article));
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient admin, Dictionary<string, string> fields) =>
        await admin.SubmitFormAsync("/newsroom/settings/", fields);

    [Fact]
    public async Task ANewSiteTitleShowsAtOnceOnCachedPagesFeedsAndStructuredData()
    {
        var (_, path) = await PublishedArticleAsync();
        var reader = app.CreateReaderClient();
        // Into the page cache with the title they have now.
        await reader.GetStringAsync("/");
        await reader.GetStringAsync(path);
        await reader.GetStringAsync("/comments/feed/");

        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var title = $"The Evening Gazette {Guid.NewGuid():N}"[..32];
        var saved = await SaveAsync(admin, Site(title, tagline: "All the news from the valley"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/newsroom/settings/?saved=true", saved.Headers.Location!.OriginalString);

        var home = await (await reader.GetAsync("/")).HtmlAsync();
        Assert.Equal(title, home.QuerySelector(".site-title")!.TextContent);
        Assert.Equal("All the news from the valley", home.QuerySelector(".tagline")!.TextContent);
        Assert.Equal(title, home.Title);

        var article = await (await reader.GetAsync(path)).HtmlAsync();
        Assert.Equal(title, article.QuerySelector("meta[property='og:site_name']")!.GetAttribute("content"));
        using var jsonLd = JsonDocument.Parse(article.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(title, jsonLd.RootElement.GetProperty("publisher").GetProperty("name").GetString());

        var feed = System.Xml.Linq.XDocument.Parse(await reader.GetStringAsync("/comments/feed/"));
        Assert.Equal($"Comments on {title}", feed.Root!.Element("channel")!.Element("title")!.Value);

        var form = await (await admin.GetAsync("/newsroom/settings/?saved=true")).HtmlAsync();
        Assert.Equal(title, form.QuerySelector("#siteTitle")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("p.notice[role='status']"));
        Assert.Contains("Configuration says “Dateline”.", form.QuerySelector("#siteTitle-note")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(title, (await (await admin.GetAsync("/newsroom/")).HtmlAsync()).QuerySelector(".newsroom-title")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArticleKeepsItsAddressWhenTheTimeZoneChangesAndItIsEdited()
    {
        // 20:00 UTC on 1 March is already 2 March in Tokyo: the URL date would move if recomputed.
        var (id, path) = await PublishedArticleAsync(new DateTime(2023, 3, 1, 20, 0, 0, DateTimeKind.Utc));
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, Site("Dateline", zone: "Asia/Tokyo"))).StatusCode);
        try
        {
            var editor = app.CreateClient(await app.CreateApiKeyAsync(Roles.Editor));
            var edited = await editor.PatchJsonAsync($"/api/newsroom/articles/{id}", new { headline = "Edited After The Move" });
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            Assert.Equal(path, Http.PathOf(await edited.JsonAsync()));
            Assert.Equal(HttpStatusCode.OK, (await app.CreateReaderClient().GetAsync(path)).StatusCode);
        }
        finally
        {
            await SaveAsync(admin, Site("Dateline"));
        }
    }

    [Fact]
    public async Task ATimeZoneSiteUrlAndLanguageSavedHereApplyToTheNextPage()
    {
        var (_, path) = await PublishedArticleAsync(new DateTime(2023, 3, 1, 9, 0, 0, DateTimeKind.Utc));
        var reader = app.CreateReaderClient();
        Assert.Contains("March 1, 2023, 9:00 AM UTC", await reader.GetStringAsync(path), StringComparison.Ordinal);

        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var saved = await SaveAsync(admin, Site("Tokyo Desk", zone: "Asia/Tokyo", url: "https://tokyo.example.org/", language: "ja"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        try
        {
            var page = await (await reader.GetAsync(path)).HtmlAsync();
            Assert.Contains("March 1, 2023, 6:00 PM UTC+09:00", page.QuerySelector(".story-meta")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("https://tokyo.example.org" + path, page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        }
        finally
        {
            await SaveAsync(admin, Site("Dateline"));
        }
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "https://news.example.org/", "en", "timeZone")]
    [InlineData("Europe/London", "https://news.example.org/?utm=1", "en", "siteUrl")]
    [InlineData("Europe/London", "ftp://news.example.org/", "en", "siteUrl")]
    [InlineData("Europe/London", "news.example.org", "en", "siteUrl")]
    [InlineData("Europe/London", "", "english please", "language")]
    public async Task ABadValueIsRefusedBesideItsFieldWithEverythingTypedKept(string zone, string url, string language, string field)
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var title = $"Never Saved {Guid.NewGuid():N}";
        var refused = await SaveAsync(admin, Site(title, tagline: "A tagline typed by hand", url: url, zone: zone, language: language));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.HtmlAsync();
        Assert.NotNull(page.QuerySelector($"#{field}-error"));
        Assert.Contains($"{field}-error", page.QuerySelector($"#{field}")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(title, page.QuerySelector("#siteTitle")!.GetAttribute("value"));
        Assert.Equal("A tagline typed by hand", page.QuerySelector("#tagline")!.GetAttribute("value"));
        Assert.Equal(url, page.QuerySelector("#siteUrl")!.GetAttribute("value") ?? "");
        Assert.Equal(zone, page.QuerySelector("#timeZone")!.GetAttribute("value"));
        Assert.Equal(language, page.QuerySelector("#language")!.GetAttribute("value"));
        Assert.DoesNotContain(title, await app.CreateReaderClient().GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingTheConfiguredValueStoresNothingSoTheFieldFollowsConfigurationAgain()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        await SaveAsync(admin, Site("Dateline", tagline: "A tagline of our own"));
        Assert.Equal("A tagline of our own", await StoredAsync(SiteSettings.TaglineKey));
        Assert.Null(await StoredAsync(SiteSettings.TitleKey));

        await SaveAsync(admin, Site("Dateline", tagline: ConfiguredTagline));
        Assert.Null(await StoredAsync(SiteSettings.TaglineKey));
        Assert.Equal(ConfiguredTagline, (await (await app.CreateReaderClient().GetAsync("/")).HtmlAsync()).QuerySelector(".tagline")!.TextContent);

        // An empty tagline is a choice of its own: it is stored, and hides the line.
        await SaveAsync(admin, Site("Dateline", tagline: ""));
        Assert.Equal("", await StoredAsync(SiteSettings.TaglineKey));
        Assert.Null((await (await app.CreateReaderClient().GetAsync("/")).HtmlAsync()).QuerySelector(".tagline"));
        await SaveAsync(admin, Site("Dateline"));
    }

    [Fact]
    public async Task AnotherInstanceOnTheSameDatabaseShowsTheNewTitleWithinSeconds()
    {
        await using var other = new DatelineApp(app.Database);
        var reader = other.CreateReaderClient();
        var before = await (await reader.GetAsync("/")).HtmlAsync();
        var title = $"Shared Title {Guid.NewGuid():N}"[..28];
        Assert.NotEqual(title, before.QuerySelector(".site-title")!.TextContent);

        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(admin, Site(title))).StatusCode);
        var deadline = DateTime.UtcNow + SiteSettingsRefresher.Interval * 4;
        string shown;
        do
        {
            await Task.Delay(250);
            shown = (await (await reader.GetAsync("/")).HtmlAsync()).QuerySelector(".site-title")!.TextContent;
        }
        while (shown != title && DateTime.UtcNow < deadline);

        Assert.Equal(title, shown);
    }

    private async Task<string?> StoredAsync(string key)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        return await db.Settings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync();
    }
}

public sealed class SiteSettingsPageOnSqlite(SqliteApp app) : SiteSettingsPageTests(app), IClassFixture<SqliteApp>;

public sealed class SiteSettingsPageOnPostgres(PostgresApp app) : SiteSettingsPageTests(app), IClassFixture<PostgresApp>;
