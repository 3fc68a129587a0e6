using Dateline.Data;

namespace Dateline.Features.Search;

public static class SearchIndexes
{
    private static readonly ISearchIndex Sqlite = new SqliteSearchIndex();
    private static readonly ISearchIndex Postgres = new PostgresSearchIndex();

    public static ISearchIndex For(DatelineDbContext db) => db is PostgresDatelineDbContext ? Postgres : Sqlite;
}
