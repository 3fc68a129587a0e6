namespace Dateline.IntegrationTests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}
