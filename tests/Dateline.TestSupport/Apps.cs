namespace Dateline.TestSupport;

// One fixture type per provider, so that each test class gets a fresh database of its own.
public sealed class SqliteApp() : DatelineApp(Provider.Sqlite);

public sealed class PostgresApp() : DatelineApp(Provider.Postgres);
