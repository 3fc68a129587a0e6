using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Dateline.Data;

public static class DataServices
{
    /// <summary>
    /// Registers both provider contexts and exposes the configured one as <see cref="DatelineDbContext"/>.
    /// The choice is made when a context is first resolved, from the options as finally configured
    /// (a test host adds its settings after the app's own code has run).
    /// </summary>
    public static IServiceCollection AddDatelineData(this IServiceCollection services)
    {
        SqliteThreading.Configure();
        // Pooled: building a context for each request (its options, the connection string, EF
        // Core's per-context services) took about 5% of the time of an uncached article page.
        // Each provider's model is compiled ahead (Data/CompiledModels): building it from the
        // entity configurations took about 0.3 s of a start. CompiledModelTests fail when the
        // entities change and the compiled models were not generated again (README, "Layout").
        services.AddDbContextPool<SqliteDatelineDbContext>((sp, o) => Configure(o).UseModel(CompiledModels.Sqlite.SqliteDatelineDbContextModel.Instance)
            .UseSqlite(SqliteConnectionString(sp)).UseFastSqliteTimes().AddInterceptors(SqliteBusyTimeout.Instance));
        services.AddDbContextPool<PostgresDatelineDbContext>((sp, o) => Configure(o).UseModel(CompiledModels.Postgres.PostgresDatelineDbContextModel.Instance)
            .UseNpgsql(PostgresConnectionString(sp)));
        services.AddScoped<DatelineDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatelineOptions>>().Value.Database.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresDatelineDbContext>()
                : sp.GetRequiredService<SqliteDatelineDbContext>());
        return services;
    }

    private static string SqliteConnectionString(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString("Dateline");
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(sp.GetRequiredService<IOptions<DatelineOptions>>().Value.FullDataDir, "dateline.db")}"
            : configured)
        {
            // Writers wait for each other (the CLI may run beside the server) instead of failing at once.
            DefaultTimeout = 30,
            Pooling = true,
        };
        return builder.ConnectionString;
    }

    private static string PostgresConnectionString(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IConfiguration>().GetConnectionString("Dateline");
        return string.IsNullOrWhiteSpace(configured)
            ? throw new UserErrorException("Dateline__Database__Provider is Postgres, so ConnectionStrings__Dateline must be set.")
            : configured;
    }

    // An article's lead image with every column empty is no image at all, which is what EF
    // warns about here; that is the intended meaning.
    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning))
            .AddInterceptors(Features.Search.SearchIndexInterceptor.Instance);

    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromHours(1);

    /// <summary>Creates the data folder, applies migrations and, on SQLite, turns on write-ahead logging.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        if (db.Database.IsSqlite())
        {
            var dataSource = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        // A migration may rewrite a large table (the search index's, for one), which takes far
        // longer than a request's query may. SQLite's command timeout is only how long to wait
        // for another writer's lock, which should stay short.
        var sqlite = db.Database.IsSqlite();
        if (!sqlite)
        {
            db.Database.SetCommandTimeout(MigrationTimeout);
        }

        // Migrating takes EF Core's migration lock and checks the model, about 0.3 s at every
        // start; reading the history is enough to see that there is nothing to apply.
        if (await HasPendingMigrationsAsync(db, cancellationToken))
        {
            if (!sqlite)
            {
                await CreateHistoryAsync(db, cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
        }

        db.Database.SetCommandTimeout(null);
        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await Features.Search.ArticleSearchIndex.CatchUpAsync(db, cancellationToken);
        await SqliteStatistics.RefreshAsync(db, cancellationToken);
    }

    /// <summary>
    /// Makes the database and its (empty) migration history on PostgreSQL, when they are missing.
    /// Npgsql's history repository takes the history table of a new database for existing, so EF
    /// Core's migrator reads it, fails, logs that failure as an error and only then makes it: every
    /// new site's first start logged an error. Several instances may start at once; the database
    /// made by another in the meantime is fine, and the table is made only if not there.
    /// </summary>
    private static async Task CreateHistoryAsync(DatelineDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            try
            {
                await creator.CreateAsync(cancellationToken);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DuplicateDatabase)
            {
            }
        }

        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
    }

    /// <summary>Whether the code holds a migration that the database's history does not list.</summary>
    /// <remarks>
    /// EF Core's own <c>GetPendingMigrationsAsync</c> builds a model of its history table to learn
    /// the names of its columns, then reads it through a query: about 0.2 s of every start. The
    /// history table is not configured here, so its names are EF Core's fixed defaults, and the
    /// applied migrations are read with one plain command.
    /// </remarks>
    public static async Task<bool> HasPendingMigrationsAsync(DatelineDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return true;
        }

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Asked of the catalog: Npgsql's history repository says the table exists in an empty
            // database (one made with createdb, say), and the read below then failed the start.
            await using var exists = db.Database.GetDbConnection().CreateCommand();
            exists.CommandText = db.Database.IsSqlite()
                ? """SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory');"""
                : """SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL;""";
            if (!Convert.ToBoolean(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture))
            {
                return true;
            }

            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory";""";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return db.GetService<IMigrationsAssembly>().Migrations.Keys.Any(id => !applied.Contains(id));
    }
}
