using SQLitePCL;

namespace Dateline.Data;

/// <summary>
/// Puts SQLite in multi-thread mode, without its allocation statistics, before the first
/// connection opens. The bundled library defaults to serialized mode, in which every call,
/// down to reading one column of one row, takes and releases the connection's mutex, and every
/// allocation the global memory-statistics mutex: 5.6% of an uncached article page's CPU went
/// to pthread_mutex_lock and unlock. Multi-thread mode is safe wherever no connection is used by
/// two threads at once, which ADO.NET already requires (a pooled connection belongs to one
/// command at a time); sqlite3_interrupt, which cancellation calls from another thread, is
/// made for that in every mode.
/// </summary>
internal static class SqliteThreading
{
    private static int configured;

    /// <summary>Answers whether the mode was set; false when SQLite was already initialized (it then keeps its mode).</summary>
    public static bool Configure()
    {
        if (Interlocked.Exchange(ref configured, 1) == 1)
        {
            return false;
        }

        Batteries_V2.Init();
        // Both must precede sqlite3_initialize, which the first open runs; after it they answer
        // SQLITE_MISUSE and change nothing, which is harmless.
        var mode = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        return mode == raw.SQLITE_OK;
    }
}
