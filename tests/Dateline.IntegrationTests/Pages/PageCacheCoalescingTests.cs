using System.Diagnostics;
using System.Net;
using Dateline.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Pages;

/// <summary>
/// Readers who ask for a page that is not in the cache while it is being rendered wait for that
/// render instead of each making their own, and that render is not lost when the reader who
/// started it goes away. A render is held at its first database command (EF's diagnostic events,
/// for the request the test marked: the test server carries the test's async context into the
/// app), so that the second reader surely arrives while it is under way.
/// </summary>
public abstract class PageCacheCoalescingTests(Provider provider) : IDisposable
{
    private static readonly AsyncLocal<Hold?> Holding = new();
    private static readonly AsyncLocal<Counter?> Counting = new();
    private readonly IDisposable subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());
    private readonly ContextPreservingApp app = new(provider);

    private async Task<string> PublishAsync(string headline)
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        return Http.PathOf(await admin.CreateArticleAsync(new { headline, authors = new[] { "Someone" }, status = "published" }));
    }

    /// <summary>Starts a reader's request whose render stops at its first database command.</summary>
    private (Task<HttpResponseMessage> Answer, Hold Hold) StartHeld(string path, CancellationToken cancellation)
    {
        var hold = new Hold();
        Holding.Value = hold;
        var answer = app.CreateReaderClient().GetAsync(path, cancellation);
        Holding.Value = null;
        Assert.True(hold.Entered.Wait(TimeSpan.FromSeconds(30), CancellationToken.None), "the first reader's render never reached the database");
        return (answer, hold);
    }

    private (Task<HttpResponseMessage> Answer, Counter Commands) StartCounted(string path)
    {
        var commands = new Counter();
        Counting.Value = commands;
        var answer = app.CreateReaderClient().GetAsync(path);
        Counting.Value = null;
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
        subscription.Dispose();
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

    private sealed class ContextPreservingApp(Provider provider) : DatelineApp(provider)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true));
        }
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
            {
                value.Subscribe(new EventObserver());
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class EventObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuting.Name)
            {
                return;
            }

            if (Counting.Value is { } counter)
            {
                Interlocked.Increment(ref counter.Count);
            }

            // EF raises its events synchronously on the command's thread, so waiting here holds
            // the render where it is; only the first command of the marked request waits.
            if (Holding.Value is { } hold && Interlocked.Exchange(ref hold.Taken, 1) == 0)
            {
                hold.Entered.Set();
                hold.Release.Wait(TimeSpan.FromSeconds(60));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

public sealed class PageCacheCoalescingOnSqlite() : PageCacheCoalescingTests(Provider.Sqlite);

public sealed class PageCacheCoalescingOnPostgres() : PageCacheCoalescingTests(Provider.Postgres);
