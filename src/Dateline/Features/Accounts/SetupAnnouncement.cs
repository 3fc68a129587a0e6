using Dateline.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Accounts;

/// <summary>
/// On a site without users, prints where to create the first admin. It runs once the server
/// listens (so the printed address is the real one) and before start-up is reported complete.
/// </summary>
internal sealed class SetupAnnouncement(
    IServiceProvider services, IServer server, IOptionsMonitor<DatelineOptions> options, TimeProvider time)
    : IHostedLifecycleService
{
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var token = await SetupToken.IssueIfNeededAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (token is null)
        {
            return;
        }

        var baseUrl = (options.CurrentValue.SiteUrl is { Length: > 0 } url ? url.TrimEnd('/') : null)
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/')
            ?? Web.WebComposition.DefaultUrl;
        // Printed, not logged: the secret is for the person at the console, not for log storage.
        await Console.Out.WriteLineAsync($"""

            This site has no newsroom users yet. Create the first admin at:
              {baseUrl}/newsroom/setup?token={token}
            (the link works once, for {SetupToken.Lifetime.TotalHours:0} hours; or run: dateline users add --role admin ...)

            """);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
