namespace Dateline.Data;

/// <summary>
/// Applies migrations when the host starts, before the server takes requests. The web host calls
/// <see cref="Begin"/> as soon as its services exist, so that EF Core's start (building its
/// services and the model, about half a second) runs on a second core while the endpoints are
/// mapped; the host's start then waits for it here, as before.
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    private readonly Lock gate = new();
    private Task? migration;

    public void Begin()
    {
        lock (gate)
        {
            migration ??= Task.Run(() => services.MigrateDatabaseAsync());
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            migration ??= services.MigrateDatabaseAsync(cancellationToken);
        }

        return migration.WaitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
