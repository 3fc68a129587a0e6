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
    // The scope's topic and author are checked against their join tables as "rowid + 0", so
    // that the MATCH still drives the query and bm25 scores only the rows that pass; a name
    // matched as words would depend on how the tokenizer split it ("CO₂", "𠮷野家").
    public IQueryable<SearchMatch> Match(DatelineDbContext db, SearchTerms terms, SearchMode mode, int? newest, SearchScope? scope = null, bool ranked = true)
    {
        scope ??= SearchScope.All;
        return db.Database.SqlQuery<SearchMatch>($"""
            SELECT rowid AS "ArticleId", CASE WHEN {ranked} THEN -bm25("ArticleSearch", 10.0, 4.0, 1.0, 3.0, 3.0) ELSE 0.0 END AS "Rank"
            FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {terms.ToFts5(mode == SearchMode.AnyWord)} AND rowid >= {scope.FromId}
                AND ({scope.TopicId} = 0 OR (rowid + 0) IN (SELECT "ArticlesId" FROM "ArticleTopic" WHERE "TopicsId" = {scope.TopicId}))
                AND ({scope.AuthorId} = 0 OR (rowid + 0) IN (SELECT "ArticleId" FROM "ArticleAuthor" WHERE "AuthorId" = {scope.AuthorId}))
            ORDER BY rowid DESC LIMIT {newest ?? -1}
            """);
    }

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
