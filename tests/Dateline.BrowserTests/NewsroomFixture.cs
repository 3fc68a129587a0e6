using System.Net.Http.Json;
using Dateline.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Dateline.BrowserTests;

/// <summary>
/// The app on Kestrel (SQLite) for the newsroom's journeys, on a clock that moves only when a
/// test moves it, so that "it goes live" is a step of the test rather than a wait for the timer.
/// </summary>
public sealed class NewsroomFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public NewsroomFixture()
    {
        App = new DatelineApp(Provider.Sqlite) { Time = Clock };
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public DatelineApp App { get; }
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>A client with an editor's API key, to set the scene without the browser.</summary>
    public HttpClient Editor { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Every reader here posts from 127.0.0.1; the per-address limit is tested elsewhere.
        App.Settings["Dateline:CommentPostsPerMinute"] = "10000";
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Editor = App.CreateClient(await App.CreateApiKeyAsync("editor"));

        // The clock stands still, so a form is always posted "0 seconds" after it was opened.
        var admin = App.CreateClient(await App.CreateApiKeyAsync("admin"));
        var settings = await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { minimumSecondsToSubmit = 0, floodSeconds = 0 }));
        Assert.True(settings.IsSuccessStatusCode, await settings.Content.ReadAsStringAsync());

        Assertions.SetDefaultExpectTimeout(BrowserSession.Timeout);
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
        Editor?.Dispose();
        await App.DisposeAsync();
    }
}
