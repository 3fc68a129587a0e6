using System.Data.Common;
using Dateline.Data;
using Microsoft.EntityFrameworkCore;

namespace Dateline.TestSupport;

/// <summary>SQLite's plan for a command EF Core made, one step a line.</summary>
public static class SqlitePlan
{
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
