namespace Dateline.Data;

/// <summary>
/// Applies migrations when the host starts, before the server takes requests. The web host calls
/// <see cref="Begin"/> as soon as its services exist, so that EF Core's start (building its
/// services and the model, about half a second) runs on a second core while the endpoints are
/// mapped; the host's start then waits for it here, and so does each service that reads the
/// database at start (<see cref="MigratedAsync"/>).
/// </summary>
public sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
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

    public Task StartAsync(CancellationToken cancellationToken) => MigratedAsync(cancellationToken);

    /// <summary>
    /// Completes when the database is migrated. The host starts its services at once, so each
    /// that reads the database at start waits for this first.
    /// </summary>
    public async Task MigratedAsync(CancellationToken cancellationToken)
    {
        Begin();
        await migration!.WaitAsync(cancellationToken);
        // The waiters are resumed inline, one after the other, on the thread that finished the
        // migration; each would run its start to its end before the next went on, as SQLite's
        // "async" calls run synchronously. Yielding hands the rest of each to the thread pool.
        await Task.Yield();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
