using System.Data.Common;
using Dateline.Data;
using Microsoft.EntityFrameworkCore;

namespace Dateline.TestSupport;

/// <summary>SQLite's plan for a command EF Core made, one step a line.</summary>
public static class SqlitePlan
{
    /// <summary>
    /// Analyzes the database, then runs <paramref name="statements"/> (which rewrite rows of
    /// <c>sqlite_stat1</c>) and reloads the statistics, all on the context's own connection, which
    /// stays open for the plans read after. A connection loads the statistics when it reads the
    /// schema, so a plan read on another connection of the pool would use the old ones.
    /// </summary>
    public static async Task PlantStatisticsAsync(DatelineDbContext db, string statements)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        await db.Database.ExecuteSqlRawAsync(statements);
        await db.Database.ExecuteSqlRawAsync("ANALYZE sqlite_schema;");
    }

    public static async Task<List<string>> OfAsync(DatelineDbContext db, DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        await db.Database.OpenConnectionAsync();
        command.Connection = db.Database.GetDbConnection();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
