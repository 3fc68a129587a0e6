using Dateline.TestSupport;
using Microsoft.Playwright;

namespace Dateline.BrowserTests;

/// <summary>
/// The app on a real Kestrel socket (127.0.0.1, a free port) with one article, and Debian's
/// Chromium, headless, driven by Playwright. No browser is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public DatelineApp App { get; } = new(Provider.Sqlite);
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public string ArticlePath { get; private set; } = "";
    public int ArticleId { get; private set; }

    public async Task InitializeAsync()
    {
        // Every test here posts from 127.0.0.1; the per-address limit is tested elsewhere.
        App.Settings["Dateline:CommentPostsPerMinute"] = "10000";
        // Each request's start and end, shown when a navigating test fails (see LogSink).
        App.Settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        var editor = App.CreateClient(await App.CreateApiKeyAsync("editor"));
        var article = await editor.CreateArticleAsync(new
        {
            headline = "River Town Rebuilds After the Flood",
            dek = "A month after the water receded, shops are reopening one by one.",
            dateline = "RIVERTON",
            bodyMarkdown = "RIVERTON — The bakery on Main Street reopened on Saturday.\n\nNeighbors lined up before dawn.",
            authors = new[] { "Ana Reyes", "Tom Hale" },
            credits = new[] { "Sam Ortiz contributed reporting." },
            image = new { url = "/favicon-test.png", alt = "The reopened bakery", caption = "The bakery on Main Street.", credit = "Jo Lee/Riverton Gazette, via Wire", width = 1200, height = 800 },
            topics = new[] { "Floods" },
            section = "National",
            status = "published",
        });
        ArticlePath = Http.PathOf(article);
        ArticleId = article.GetProperty("id").GetInt32();

        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
