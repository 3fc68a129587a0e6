using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dateline.Data;

/// <summary>
/// Has SQLite itself wait for another writer's lock (<c>sqlite3_busy_timeout</c>) on every
/// connection. Without it, Microsoft.Data.Sqlite answers a busy database by sleeping 150 ms and
/// trying again: with eight readers posting comments to a short thread at once, the server sat
/// at 80% of its CPU doing about 100 posts a second, waiting out those sleeps. SQLite's own
/// handler retries within a millisecond or two of the lock coming free: 110 to 140 posts a
/// second, CPU-bound.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    // As long as the command timeout (DefaultTimeout, 30 s): the same patience, spent waiting in
    // SQLite instead of in sleeps.
    private const int TimeoutMilliseconds = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // EF opens the connection for every query; a call on the native handle costs nothing beside
    // it, where a PRAGMA statement would be prepared and run each time.
    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, TimeoutMilliseconds);
        }
    }
}
