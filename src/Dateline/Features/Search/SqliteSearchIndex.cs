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

    // One statement for all the entries: inside a transaction each statement that writes to FTS5
    // opens a savepoint, where FTS5 writes out the terms it holds.
    public async Task WriteAsync(DatelineDbContext db, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        if (documents.Count == 0)
        {
            return;
        }

        await RemoveAsync(db, documents.Select(d => d.ArticleId).ToList(), ct);
        await db.Database.ExecuteSqlAsync(SearchDocument.WithValues(
            """INSERT INTO "ArticleSearch" (rowid, "Headline", "Dek", "Body", "Authors", "Topics") VALUES""", documents), ct);
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

    // FTS5 keeps its index as pieces (at least one per transaction that writes) and, after each
    // write, merges some of them ("automerge", 4 pieces at a time by default). In a bulk write of
    // thousands of entries those merges read the index back again and again, far beyond the pages
    // the cache holds: about a tenth of a 10,000-article import's time. With automerge off FTS5
    // still merges a level that reaches 16 pieces ("crisismerge"); that import's index ended in 10.
    private const int DefaultAutomerge = 4;

    public Task PauseUpkeepAsync(DatelineDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""INSERT INTO "ArticleSearch" ("ArticleSearch", rank) VALUES ('automerge', 0)""", ct);

    public async Task ResumeUpkeepAsync(DatelineDbContext db, CancellationToken ct)
    {
        var automerge = await db.Database.SqlQuery<string>($"""SELECT CAST(v AS TEXT) AS "Value" FROM "ArticleSearch_config" WHERE k = 'automerge'""").ToListAsync(ct);
        if (automerge is ["0"])
        {
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ArticleSearch" ("ArticleSearch", rank) VALUES ('automerge', {DefaultAutomerge})""", ct);
        }
    }
}
