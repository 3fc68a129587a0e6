using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Media;

public sealed class MediaApiOnSqlite(SqliteApp app) : MediaApiTests(app), IClassFixture<SqliteApp>;

public sealed class MediaApiOnPostgres(PostgresApp app) : MediaApiTests(app), IClassFixture<PostgresApp>;

public sealed class MediaInArticlesOnSqlite(SqliteApp app) : MediaInArticlesTests(app), IClassFixture<SqliteApp>;

public sealed class MediaInArticlesOnPostgres(PostgresApp app) : MediaInArticlesTests(app), IClassFixture<PostgresApp>;
