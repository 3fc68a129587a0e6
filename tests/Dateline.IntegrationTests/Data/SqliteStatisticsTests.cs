using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dateline.IntegrationTests.Data;

public sealed class SqliteStatisticsTests
{
    // The hourly refresh analyzes on one connection, and a connection loads the statistics only
    // when it reads the schema: one kept in the pool since before the refresh would go on planning
    // with the old ones. A temporary table lives as long as its connection, so it marks one.
    [Fact]
    public async Task NoConnectionOpenedBeforeTheHourlyRefreshIsUsedAfterIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new DatelineApp(Provider.Sqlite) { Time = clock };
        _ = app.CreateReaderClient();

        // Every connection of the pool is marked, and there are more of them than the app's
        // services use at once when the clock moves, so none of those has to open a new one.
        var scopes = Enumerable.Range(0, 8).Select(_ => app.Services.CreateScope()).ToList();
        foreach (var scope in scopes)
        {
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE IF NOT EXISTS opened_before (x);");
        }

        foreach (var scope in scopes)
        {
            scope.Dispose();
        }

        Assert.True(await MarkedAsync());
        clock.Advance(TimeSpan.FromHours(1));

        // The refresh runs on the host's timer: wait (ten seconds at most) until a run of reads
        // finds no marked connection.
        var until = DateTime.UtcNow.AddSeconds(10);
        var unmarked = 0;
        while (unmarked < 25 && DateTime.UtcNow < until)
        {
            unmarked = await MarkedAsync() ? 0 : unmarked + 1;
            await Task.Delay(20);
        }

        Assert.True(unmarked >= 25, "a connection opened before the refresh was still in use");

        async Task<bool> MarkedAsync()
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            return await db.Database.SqlQuery<int>($"SELECT count(*) AS \"Value\" FROM temp.sqlite_schema WHERE name = 'opened_before'").SingleAsync() > 0;
        }
    }
}
