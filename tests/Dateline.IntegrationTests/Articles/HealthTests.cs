using System.Net;
using Dateline.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dateline.IntegrationTests.Articles;

public abstract class HealthTests(Provider provider)
{
    [Fact]
    public async Task HealthIsOkWhileTheDatabaseAnswersAndUnavailableWhenItIsGone()
    {
        using var database = new TestDatabase(provider);
        await using var app = new DatelineApp(database);
        var client = app.CreateReaderClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        if (provider == Provider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            var name = builder.Database;
            builder.Database = "postgres";
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(database.DataDir, "dateline.db*"))
            {
                File.Delete(file);
            }
        }

        var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthOnSqlite() : HealthTests(Provider.Sqlite);

public sealed class HealthOnPostgres() : HealthTests(Provider.Postgres);
