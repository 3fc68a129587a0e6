using System.Net;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Pages;

/// <summary>
/// Readers who ask for a page that is not in the cache while it is being rendered wait for that
/// render instead of each making their own, and that render is not lost when the reader who
/// started it goes away. A render is held at its first database command (EF's diagnostic events,
/// for the request the test marked: the test server carries the test's async context into the
/// app), so that the second reader surely arrives while it is under way.
/// </summary>
public abstract class PageCacheCoalescingTests : IDisposable
{
    // Not static: the SQLite and PostgreSQL classes may run at once, and each one's listener
    // hears every app's commands, so each may act only on what its own test marked.
    private readonly AsyncLocal<Hold?> holding = new();
    private readonly AsyncLocal<Counter?> counting = new();
    private readonly EfCommandEvents events;
    private readonly DatelineApp app;

    protected PageCacheCoalescingTests(Provider provider)
    {
        app = new DatelineApp(provider) { PreserveExecutionContext = true };
        events = new EfCommandEvents(executing: () =>
        {
            if (counting.Value is { } counter)
            {
                Interlocked.Increment(ref counter.Count);
            }

            // Waiting here holds the render where it is; only the first command of the marked request waits.
            if (holding.Value is { } hold && Interlocked.Exchange(ref hold.Taken, 1) == 0)
            {
                hold.Entered.Set();
                hold.Release.Wait(TimeSpan.FromSeconds(60));
            }
        });
    }

    private async Task<string> PublishAsync(string headline)
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        return Http.PathOf(await admin.CreateArticleAsync(new { headline, authors = new[] { "Someone" }, status = "published" }));
    }

    /// <summary>Starts a reader's request whose render stops at its first database command.</summary>
    private (Task<HttpResponseMessage> Answer, Hold Hold) StartHeld(string path, CancellationToken cancellation)
    {
        var hold = new Hold();
        holding.Value = hold;
        var answer = app.CreateReaderClient().GetAsync(path, cancellation);
        holding.Value = null;
        Assert.True(hold.Entered.Wait(TimeSpan.FromSeconds(30), CancellationToken.None), "the first reader's render never reached the database");
        return (answer, hold);
    }

    private (Task<HttpResponseMessage> Answer, Counter Commands) StartCounted(string path)
    {
        var commands = new Counter();
        counting.Value = commands;
        var answer = app.CreateReaderClient().GetAsync(path);
        counting.Value = null;
        return (answer, commands);
    }

    [Fact]
    public async Task ReadersWhoMissAPageTogetherWaitForOneRender()
    {
        var path = await PublishAsync("A Story Everyone Reads At Once");
        var (first, hold) = StartHeld(path, CancellationToken.None);
        var (second, commands) = StartCounted(path);

        // However long it is given, the second reader cannot finish before the render it waits for.
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(1))));
        hold.Release.Set();

        foreach (var answer in new[] { await first, await second })
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("A Story Everyone Reads At Once", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, commands.Count);
    }

    [Fact]
    public async Task AReaderWhoLeavesDoesNotFailTheReadersWaitingForTheirRender()
    {
        var path = await PublishAsync("A Story Whose First Reader Left");
        using var leaving = new CancellationTokenSource();
        var (first, hold) = StartHeld(path, leaving.Token);
        var (second, _) = StartCounted(path);
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(1))));

        // The test server cancels the first request's RequestAborted as the client gives up.
        await leaving.CancelAsync();
        hold.Release.Set();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        var answer = await second;
        var html = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode}: {html[..Math.Min(2000, html.Length)]}");
        Assert.Contains("A Story Whose First Reader Left", html, StringComparison.Ordinal);

        // And the next reader is served from the cache or renders afresh, never an error.
        var third = await app.CreateReaderClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    public void Dispose()
    {
        events.Dispose();
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Hold
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public int Taken;
    }

    private sealed class Counter
    {
        public int Count;
    }
}

public sealed class PageCacheCoalescingOnSqlite() : PageCacheCoalescingTests(Provider.Sqlite);

public sealed class PageCacheCoalescingOnPostgres() : PageCacheCoalescingTests(Provider.Postgres);
