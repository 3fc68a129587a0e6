using Dateline.Data;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Import;

/// <summary>How an import's connection to SQLite is set up for many large writes.</summary>
internal static class ImportConnection
{
    /// <summary>
    /// On SQLite: a 32 MB page cache instead of the default 2 MB, because the full-text index's
    /// merges and the comment indexes otherwise read the same pages from the file again and again
    /// (a third of a large import's CPU time went to those reads); and, in write-ahead mode, a sync
    /// at checkpoints rather than at every commit, which SQLite documents as safe against
    /// corruption. A power cut can lose the last batches, which running the import again brings back.
    /// The settings last as long as the pooled connection, which in the command-line import is the run.
    /// </summary>
    public static async Task PrepareAsync(DatelineDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-32768; PRAGMA synchronous=NORMAL;", ct);
        }
    }
}
