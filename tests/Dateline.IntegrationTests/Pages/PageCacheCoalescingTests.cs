using System.Net;
using Dateline.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

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
    private readonly AsyncLocal<CommandHold?> holding = new();
    private readonly AsyncLocal<Counter?> counting = new();
    private readonly EfCommandEvents events;
    private readonly DatelineApp app;

    protected PageCacheCoalescingTests(Provider provider)
    {
        app = new BrokenWireApp(provider) { PreserveExecutionContext = true };
        events = new EfCommandEvents(executing: () =>
        {
            if (counting.Value is { } counter)
            {
                Interlocked.Increment(ref counter.Count);
            }

            // Waiting here holds the render where it is; only the first command of the marked request waits.
            holding.Value?.HoldFirst();
        });
    }

    private async Task<string> PublishAsync(string headline)
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        return Http.PathOf(await admin.CreateArticleAsync(new { headline, authors = new[] { "Someone" }, status = "published" }));
    }

    /// <summary>Starts a reader's request whose render stops at its first database command.</summary>
    private (Task<HttpResponseMessage> Answer, CommandHold Hold) StartHeld(string path, CancellationToken cancellation, bool brokenWire = false)
    {
        var hold = new CommandHold();
        holding.Value = hold;
        var client = app.CreateReaderClient();
        if (brokenWire)
        {
            client.DefaultRequestHeaders.Add(BrokenWireApp.Header, "1");
        }

        var answer = client.GetAsync(path, cancellation);
        holding.Value = null;
        Assert.True(hold.WaitEntered(), "the first reader's render never reached the database");
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

    /// <summary>
    /// A first reader whose render is held gives up while a second reader waits for that render;
    /// the render then goes on. Returns the second reader's page, and how many database commands
    /// the second reader ran itself.
    /// </summary>
    private async Task<(string Html, int Commands)> SecondReaderAfterTheFirstLeavesAsync(string path, bool brokenWire)
    {
        using var leaving = new CancellationTokenSource();
        var (first, hold) = StartHeld(path, leaving.Token, brokenWire);
        var (second, commands) = StartCounted(path);
        Assert.NotSame(second, await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(1))));

        // The test server cancels the first request's RequestAborted as the client gives up.
        await leaving.CancelAsync();
        hold.Release.Set();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        var answer = await second;
        var html = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode}: {html[..Math.Min(2000, html.Length)]}");
        return (html, commands.Count);
    }

    [Fact]
    public async Task AReaderWhoLeavesDoesNotFailTheReadersWaitingForTheirRender()
    {
        var path = await PublishAsync("A Story Whose First Reader Left");
        var (html, _) = await SecondReaderAfterTheFirstLeavesAsync(path, brokenWire: false);
        Assert.Contains("A Story Whose First Reader Left", html, StringComparison.Ordinal);

        // And the next reader is served from the cache or renders afresh, never an error.
        var third = await app.CreateReaderClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task WhenTheFirstReadersConnectionIsGoneTheWaitingReadersRenderTheirOwnPage()
    {
        var path = await PublishAsync("A Story Whose First Reader Dropped");
        var (html, commands) = await SecondReaderAfterTheFirstLeavesAsync(path, brokenWire: true);

        // The first render could not be sent, so nothing was stored: the second reader made the
        // page itself instead of being handed a stored answer without its body.
        Assert.Contains("A Story Whose First Reader Dropped", html, StringComparison.Ordinal);
        Assert.True(commands > 0, "the second reader's page came from the broken render");
    }

    public void Dispose()
    {
        events.Dispose();
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// An app whose connection to a reader marked with <see cref="Header"/> fails on every write,
    /// as a socket does once its reader has gone.
    /// </summary>
    private sealed class BrokenWireApp(Provider provider) : DatelineApp(provider)
    {
        public const string Header = "X-Test-Broken-Wire";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, BreakWire>());
        }

        private sealed class BreakWire : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, following) =>
                {
                    if (context.Request.Headers.ContainsKey(Header))
                    {
                        context.Response.Body = new BrokenStream();
                    }

                    return following(context);
                });
                next(app);
            };
        }

        private sealed class BrokenStream : Stream
        {
            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new IOException("the reader has gone");

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
                ValueTask.FromException(new IOException("the reader has gone"));
        }
    }

    private sealed class Counter
    {
        public int Count;
    }
}

public sealed class PageCacheCoalescingOnSqlite() : PageCacheCoalescingTests(Provider.Sqlite);

public sealed class PageCacheCoalescingOnPostgres() : PageCacheCoalescingTests(Provider.Postgres);
