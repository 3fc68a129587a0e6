using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Articles;

public sealed class ArticleRevisionsOnSqlite(SqliteApp app) : ArticleRevisionsTests(app), IClassFixture<SqliteApp>;

public sealed class ArticleRevisionsOnPostgres(PostgresApp app) : ArticleRevisionsTests(app), IClassFixture<PostgresApp>;
