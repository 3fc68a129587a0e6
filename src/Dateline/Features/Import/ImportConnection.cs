using Dateline.Data;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Import;

/// <summary>How an import's connection to SQLite is set up for many large writes.</summary>
internal static class ImportConnection
{
    /// <summary>
    /// On SQLite, each measured on the 10,000-post benchmark:
    /// <list type="bullet">
    /// <item>a 32 MB page cache instead of the default 2 MB, because the comment indexes otherwise
    /// read the same pages from the file again and again;</item>
    /// <item>in write-ahead mode, a sync at checkpoints rather than at every commit, which SQLite
    /// documents as safe against corruption (a power cut can lose the last batches, which running
    /// the import again brings back);</item>
    /// <item>statement journals in memory: a statement that may fail halfway first copies each
    /// page it changes, and SQLite spilled those copies to a temporary file: four times as many
    /// writes as to the database and its log.</item>
    /// </list>
    /// The settings last as long as the pooled connection, which in the command-line import is the run.
    /// </summary>
    public static async Task PrepareAsync(DatelineDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync(
                "PRAGMA cache_size=-32768; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;", ct);
        }
    }
}
