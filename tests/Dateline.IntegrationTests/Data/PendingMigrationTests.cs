using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dateline.IntegrationTests.Data;

/// <summary>
/// A start applies migrations only when the database lacks one; the check reads the history
/// table itself, and must see what EF Core's own check sees at each stage of a database's life.
/// </summary>
public abstract class PendingMigrationTests(Provider provider)
{
    [Fact]
    public async Task PendingMigrationsAreSeenAsEfCoreSeesThem()
    {
        using var database = new TestDatabase(provider);
        await using var db = Context(database);
        var ct = CancellationToken.None;
        var migrations = db.Database.GetMigrations().ToList();
        Assert.True(migrations.Count > 2);

        // No database yet (PostgreSQL) or an empty file (SQLite).
        Assert.True(await DataServices.HasPendingMigrationsAsync(db, ct));

        // An empty database, as createdb makes one (Npgsql's own check says it has a history).
        await db.GetService<IRelationalDatabaseCreator>().CreateAsync(ct);
        Assert.True(await DataServices.HasPendingMigrationsAsync(db, ct));

        // A database from before the latest migration, as after an upgrade of the code.
        await db.GetService<IMigrator>().MigrateAsync(migrations[^2], cancellationToken: ct);
        Assert.Equal([migrations[^1]], await db.Database.GetPendingMigrationsAsync(ct));
        Assert.True(await DataServices.HasPendingMigrationsAsync(db, ct));

        await db.Database.MigrateAsync(ct);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.False(await DataServices.HasPendingMigrationsAsync(db, ct));

        // A history that lost an old entry has something to apply again.
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {0};""", [migrations[0]], ct);
        Assert.True(await DataServices.HasPendingMigrationsAsync(db, ct));
    }

    [Fact]
    public async Task TheServerStartsOnAnEmptyDatabaseMadeBeforehand()
    {
        var database = new TestDatabase(provider);
        await using (var db = Context(database))
        {
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync();
        }

        await using var app = new DatelineApp(database, ownsDatabase: true);
        var home = await app.CreateReaderClient().GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        AssertNoErrorLogged(app);
    }

    [Fact]
    public async Task AFirstStartWhereNoDatabaseExistsYetLogsNoError()
    {
        await using var app = new DatelineApp(provider);
        var home = await app.CreateReaderClient().GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
        AssertNoErrorLogged(app);
    }

    // An error in the log of a new site's first start reads as something broken to whoever installs it.
    private static void AssertNoErrorLogged(DatelineApp app) =>
        Assert.DoesNotContain(app.Logs.Lines, line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal));

    // EF Core finds the compiled model by itself, and that model is one instance per process: the
    // first context to use it gives it its type mappings, for every app of the test run. A SQLite
    // context without the app's time mapping would leave them all without it.
    private DatelineDbContext Context(TestDatabase database)
    {
        if (provider == Provider.Postgres)
        {
            return new PostgresDatelineDbContext(new DbContextOptionsBuilder<PostgresDatelineDbContext>().UseNpgsql(database.ConnectionString).Options);
        }

        var sqlite = new DbContextOptionsBuilder<SqliteDatelineDbContext>().UseSqlite($"Data Source={Path.Combine(database.DataDir, "dateline.db")}");
        sqlite.UseFastSqliteTimes();
        return new SqliteDatelineDbContext(sqlite.Options);
    }
}

public sealed class PendingMigrationsOnSqlite() : PendingMigrationTests(Provider.Sqlite);

public sealed class PendingMigrationsOnPostgres() : PendingMigrationTests(Provider.Postgres);
