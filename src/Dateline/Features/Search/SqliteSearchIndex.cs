using System.Text.Json;
using Dateline.Data;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Search;

/// <summary>
/// An FTS5 table keyed by the article's id (its rowid), with the Porter stemmer over Unicode
/// words and prefix indexes for two- and three-letter starts; created by the ArticleSearch
/// migration. bm25 weights the columns: headline 10, dek 4, body 1, authors 3, topics 3.
/// </summary>
internal sealed class SqliteSearchIndex : ISearchIndex
{
    // The LIMIT is there even without a cap: a subquery with one is never flattened into the
    // outer join, which would otherwise run the MATCH once per article row (seconds, not ms).
    public IQueryable<SearchMatch> Match(DatelineDbContext db, SearchTerms terms, SearchMode mode, int? newest, SearchScope? scope = null, bool ranked = true)
    {
        scope ??= SearchScope.All;
        return db.Database.SqlQuery<SearchMatch>($"""
            SELECT rowid AS "ArticleId", CASE WHEN {ranked} THEN -bm25("ArticleSearch", 10.0, 4.0, 1.0, 3.0, 3.0) ELSE 0.0 END AS "Rank"
            FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {Query(terms, mode, scope)} AND rowid >= {scope.FromId}
            ORDER BY rowid DESC LIMIT {newest ?? -1}
            """);
    }

    // The scope's names, word by word, each restricted to its column, so that FTS5 intersects
    // the doclists before bm25 scores anything. Quoted, each word is split by the table's own
    // tokenizer, as the name was when it was indexed. bm25 scores those words too; as every
    // result of a filtered search has them, they move its order little.
    private static string Query(SearchTerms terms, SearchMode mode, SearchScope scope)
    {
        var query = terms.ToFts5(mode == SearchMode.AnyWord);
        var within = Words("Topics", scope.TopicName).Concat(Words("Authors", scope.AuthorName)).ToList();
        return within.Count == 0 ? query : $"({query}) AND {string.Join(" AND ", within)}";
    }

    private static IEnumerable<string> Words(string column, string name) =>
        SearchTerms.Parse(name).Words.Distinct().Select(w => $"{column} : \"{w}\"");

    // "rowid + 0" keeps the id list from driving the query: as a rowid constraint it would make
    // FTS5 evaluate the MATCH once per id, instead of once for all. The range does constrain it,
    // so that a common word's matches are read only between the page's first and last id.
    public Task<List<SearchSnippetRow>> SnippetsAsync(DatelineDbContext db, SearchTerms terms, IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        var start = SearchText.MatchStart.ToString();
        var end = SearchText.MatchEnd.ToString();
        return db.Database.SqlQuery<SearchSnippetRow>($"""
            SELECT rowid AS "ArticleId",
                highlight("ArticleSearch", 0, {start}, {end}) AS "Headline",
                highlight("ArticleSearch", 1, {start}, {end}) AS "Dek",
                snippet("ArticleSearch", 2, {start}, {end}, '…', 40) AS "Body"
            FROM "ArticleSearch"
            WHERE "ArticleSearch" MATCH {terms.ToFts5(any: false)}
                AND rowid BETWEEN {articleIds.Min()} AND {articleIds.Max()}
                AND (rowid + 0) IN (SELECT value FROM json_each({JsonSerializer.Serialize(articleIds)}))
            """).ToListAsync(ct);
    }

    public async Task WriteAsync(DatelineDbContext db, SearchDocument document, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "ArticleSearch" WHERE rowid = {document.ArticleId}""", ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ArticleSearch" (rowid, "Headline", "Dek", "Body", "Authors", "Topics")
            VALUES ({document.ArticleId}, {document.Headline}, {document.Dek}, {document.Body}, {document.Authors}, {document.Topics})
            """, ct);
    }

    public Task RemoveAsync(DatelineDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            DELETE FROM "ArticleSearch" WHERE rowid IN (SELECT value FROM json_each({JsonSerializer.Serialize(articleIds)}))
            """, ct);

    public Task<List<int>> UnindexedAsync(DatelineDbContext db, int afterId, int max, CancellationToken ct) =>
        db.Database.SqlQuery<int>($"""
            SELECT a."Id" AS "Value" FROM "Articles" AS a
            WHERE a."Id" > {afterId} AND NOT EXISTS (SELECT 1 FROM "ArticleSearch" AS s WHERE s.rowid = a."Id")
            ORDER BY a."Id" LIMIT {max}
            """).ToListAsync(ct);

    public Task RemoveOrphansAsync(DatelineDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "ArticleSearch" WHERE rowid NOT IN (SELECT "Id" FROM "Articles")""", ct);
}
