namespace Dateline.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
