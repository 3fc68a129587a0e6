using System.Text.Json;
using Dateline.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dateline.Tests.Web;

public sealed class StartupGateTests
{
    [Fact]
    public async Task ARequestThatArrivesDuringTheStartWaitsAndIsThenServed()
    {
        using var gate = new Gate();
        var early = gate.SendAsync();
        await Task.Delay(50);
        Assert.False(early.IsCompleted);

        gate.Lifetime.Started.Cancel();
        var answer = await early.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((200, "page"), (answer.StatusCode, answer.Body));

        // Once started, nothing waits.
        Assert.Equal((200, "page"), ((await gate.SendAsync()).StatusCode, (await gate.SendAsync()).Body));
    }

    [Fact]
    public async Task ARequestWaitingForAStartThatFailsGetsA503()
    {
        using var gate = new Gate();
        var early = gate.SendAsync();
        // A browser or a feed reader: no problem-details writer serves what they accept.
        var reader = gate.SendAsync("text/html");
        await Task.Delay(50);
        Assert.False(early.IsCompleted);

        gate.Lifetime.Stopping.Cancel();
        var answer = await early.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(503, answer.StatusCode);
        Assert.Equal("10", answer.RetryAfter);
        using var problem = JsonDocument.Parse(answer.Body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        var page = await reader.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((503, "10"), (page.StatusCode, page.RetryAfter));
        Assert.Contains("try again", page.Body, StringComparison.Ordinal);
        Assert.Equal(0, gate.Served);
    }

    private sealed class Gate : IDisposable
    {
        private readonly ServiceProvider services;
        private readonly RequestDelegate pipeline;
        private int served;

        public Gate()
        {
            var collection = new ServiceCollection();
            collection.AddSingleton<IHostApplicationLifetime>(Lifetime);
            collection.AddLogging();
            collection.AddProblemDetails();
            services = collection.BuildServiceProvider();
            var app = new ApplicationBuilder(services);
            app.UseStartupGate();
            app.Run(context =>
            {
                Interlocked.Increment(ref served);
                return context.Response.WriteAsync("page");
            });
            pipeline = app.Build();
        }

        public FakeLifetime Lifetime { get; } = new();

        public int Served => served;

        public async Task<(int StatusCode, string Body, string? RetryAfter)> SendAsync(string? accept = null)
        {
            var context = new DefaultHttpContext { RequestServices = services };
            context.Request.Headers.Accept = accept;
            context.Response.Body = new MemoryStream();
            await pipeline(context);
            context.Response.Body.Position = 0;
            using var reader = new StreamReader(context.Response.Body);
            return (context.Response.StatusCode, await reader.ReadToEndAsync(), context.Response.Headers.RetryAfter.FirstOrDefault());
        }

        public void Dispose()
        {
            services.Dispose();
            Lifetime.Dispose();
        }
    }

    private sealed class FakeLifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Started { get; } = new();
        public CancellationTokenSource Stopping { get; } = new();
        private readonly CancellationTokenSource stopped = new();

        public CancellationToken ApplicationStarted => Started.Token;
        public CancellationToken ApplicationStopping => Stopping.Token;
        public CancellationToken ApplicationStopped => stopped.Token;

        public void StopApplication() => Stopping.Cancel();

        public void Dispose()
        {
            Started.Dispose();
            Stopping.Dispose();
            stopped.Dispose();
        }
    }
}
