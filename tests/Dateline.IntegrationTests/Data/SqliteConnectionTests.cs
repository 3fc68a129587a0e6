using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Data;

public sealed class SqliteConnectionTests
{
    // Without SQLite's own busy handler, Microsoft.Data.Sqlite meets another writer's lock by
    // sleeping 150 ms a time; every connection the app opens must carry the handler, however
    // often EF opens and closes it.
    [Fact]
    public async Task EveryConnectionTheAppOpensWaitsForLocksInSqlite()
    {
        await using var app = new DatelineApp(Provider.Sqlite);
        _ = app.CreateReaderClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        for (var open = 0; open < 2; open++)
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA busy_timeout;";
                Assert.Equal(30_000L, await command.ExecuteScalarAsync());
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
