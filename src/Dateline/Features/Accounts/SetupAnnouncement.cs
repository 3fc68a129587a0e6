using Dateline.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Accounts;

/// <summary>On a site without users, prints where to create the first admin, once the server listens.</summary>
internal sealed class SetupAnnouncement(
    IServiceProvider services, IHostApplicationLifetime lifetime, IServer server, IOptions<DatelineOptions> options, TimeProvider time)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var token = await SetupToken.IssueIfNeededAsync(db, time.GetUtcNow().UtcDateTime, lifetime.ApplicationStopping);
        if (token is null)
        {
            return;
        }

        var baseUrl = options.Value.SiteUrl?.TrimEnd('/')
            ?? server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/')
            ?? Web.WebComposition.DefaultUrl;
        // Printed, not logged: the secret is for the person at the console, not for log storage.
        await Console.Out.WriteLineAsync($"""

            This site has no newsroom users yet. Create the first admin at:
              {baseUrl}/newsroom/setup?token={token}
            (the link works once, for {SetupToken.Lifetime.TotalHours:0} hours; or run: dateline users add --role admin ...)

            """);
    }
}
