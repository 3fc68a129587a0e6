using Dateline.Features.Comments;
using Dateline.Features.Settings;
using Dateline.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>
/// The settings are read again every few seconds (for changes saved on another instance). A
/// refresh that read the database just before a save here committed, and takes what it read
/// after the save, must not put the old values back: pages would show them until the next
/// refresh, which would then evict every cached page. The test holds a refresh after its read
/// (EF's diagnostic events, for the refresh the test marked), saves, then lets it finish.
/// </summary>
public abstract class SettingsRefreshRaceTests : IDisposable
{
    // Not static: the SQLite and PostgreSQL classes may run at once, and each one's listener
    // hears every app's commands.
    private readonly AsyncLocal<CommandHold?> holding = new();
    private readonly EfCommandEvents events;
    private readonly DatelineApp app;

    protected SettingsRefreshRaceTests(Provider provider)
    {
        app = new DatelineApp(provider);
        // After the command has run, so the held refresh has its (old) rows in hand.
        events = new EfCommandEvents(executed: () => holding.Value?.HoldFirst());
    }

    /// <summary>Runs <paramref name="save"/> while <paramref name="refresh"/> holds what it read before it.</summary>
    private async Task SaveDuringARefreshAsync(Func<IServiceProvider, Task> refresh, Func<IServiceProvider, Task> save)
    {
        using var refreshing = app.Services.CreateScope();
        using var saving = app.Services.CreateScope();
        using var hold = new CommandHold();
        holding.Value = hold;
        var refreshed = Task.Run(() => refresh(refreshing.ServiceProvider));
        holding.Value = null;
        Assert.True(hold.WaitEntered(), "the refresh never reached the database");

        await save(saving.ServiceProvider);
        hold.Release.Set();
        await refreshed;
    }

    [Fact]
    public async Task ARefreshThatReadBeforeASiteSettingsSaveDoesNotBringTheOldTitleBack()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<DatelineOptions>>();
        var before = options.CurrentValue.SiteTitle;
        var title = $"Raced Title {Guid.NewGuid():N}"[..24];

        await SaveDuringARefreshAsync(
            sp => sp.GetRequiredService<SiteSettingsStore>().RefreshAsync(default),
            sp => sp.GetRequiredService<SiteSettingsStore>().SaveAsync(SiteSettings.Of(options.CurrentValue) with { SiteTitle = title }, default));

        Assert.NotEqual(before, title);
        Assert.Equal(title, options.CurrentValue.SiteTitle);
        var home = await (await app.CreateReaderClient().GetAsync("/")).HtmlAsync();
        Assert.Equal(title, home.QuerySelector(".site-title")!.TextContent);
    }

    [Fact]
    public async Task ARefreshThatReadBeforeADiscussionSettingsSaveDoesNotBringTheOldSettingsBack()
    {
        var before = await DiscussionAsync();
        var saved = before with { PageSize = before.PageSize == 7 ? 8 : 7, ThreadDepth = before.ThreadDepth == 3 ? 4 : 3 };

        await SaveDuringARefreshAsync(
            sp => sp.GetRequiredService<DiscussionSettingsStore>().RefreshAsync(default),
            sp => sp.GetRequiredService<DiscussionSettingsStore>().SaveAsync(saved, default));

        var now = await DiscussionAsync();
        Assert.Equal(saved.PageSize, now.PageSize);
        Assert.Equal(saved.ThreadDepth, now.ThreadDepth);
    }

    private async Task<DiscussionSettings> DiscussionAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DiscussionSettingsStore>().GetAsync(default);
    }

    public void Dispose()
    {
        events.Dispose();
        app.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SettingsRefreshRaceOnSqlite() : SettingsRefreshRaceTests(Provider.Sqlite);

public sealed class SettingsRefreshRaceOnPostgres() : SettingsRefreshRaceTests(Provider.Postgres);
