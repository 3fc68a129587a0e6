using Npgsql;

namespace Dateline.TestSupport;

/// <summary>
/// Where a test's data lives: a fresh folder, and on PostgreSQL a fresh database on the server
/// that ./test.sh starts (DATELINE_TEST_POSTGRES names it). Without that server the PostgreSQL
/// tests fail with a message saying so, rather than pass by skipping.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "DATELINE_TEST_POSTGRES";

    public TestDatabase(Provider provider)
    {
        Provider = provider;
        DataDir = Directory.CreateTempSubdirectory("dateline-test-").FullName;
        if (provider == Provider.Postgres)
        {
            var server = System.Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL tests need a server: set {PostgresVariable} (for example \"Host=127.0.0.1;Username=dateline;Password=dateline\"), or run ./test.sh, which starts one.");
            }

            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = $"dateline_test_{Guid.NewGuid():N}" }.ConnectionString;
        }
    }

    public Provider Provider { get; }
    public string DataDir { get; }
    public string? ConnectionString { get; }

    /// <summary>The settings a host or a command needs to use this database, as configuration keys.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Dateline:DataDir"] = DataDir,
        ["Dateline:Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Dateline"] = ConnectionString,
    };

    /// <summary>The same settings as environment variables, for a child process.</summary>
    public Dictionary<string, string?> EnvironmentVariables() => new()
    {
        ["Dateline__DataDir"] = DataDir,
        ["Dateline__Database__Provider"] = Provider.ToString(),
        ["ConnectionStrings__Dateline"] = ConnectionString,
    };

    public void Dispose()
    {
        if (ConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            var database = builder.Database;
            builder.Database = "postgres";
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                    command.ExecuteNonQuery();
                    break;
                }
                catch (PostgresException e) when (attempt < 5)
                {
                    // A background worker (autovacuum) can hold the database for a moment.
                    System.Console.Error.WriteLine($"dropping test database {database}: {e.MessageText}; retrying");
                    Thread.Sleep(500);
                }
            }
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleaning.
        }
    }
}
