using Dateline.TestSupport;
using Microsoft.Playwright;

namespace Dateline.BrowserTests;

/// <summary>A site just installed: the app on Kestrel (SQLite) with no newsroom users at all, and Chromium.</summary>
public sealed class FreshSiteFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public DatelineApp App { get; } = new(Provider.Sqlite);
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Each request's start and end, shown when the setup test fails (see LogSink).
        App.Settings["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
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
        await App.DisposeAsync();
    }
}
