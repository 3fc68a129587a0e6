namespace Dateline.TestSupport;

public enum Provider
{
    Sqlite,
    Postgres,
}
