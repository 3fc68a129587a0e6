using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Articles;

public sealed class ArticlesApiOnSqlite(SqliteApp app) : ArticlesApiTests(app), IClassFixture<SqliteApp>;

public sealed class ArticlesApiOnPostgres(PostgresApp app) : ArticlesApiTests(app), IClassFixture<PostgresApp>;
