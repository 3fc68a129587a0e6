using Dateline.Data;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Search;

/// <summary>
/// A table beside the articles whose generated "Document" column weighs the headline A, the dek,
/// authors and topics B and the body C, under a GIN index; created by the ArticleSearch
/// migration. The English configuration stems words, as FTS5's Porter tokenizer does on SQLite.
/// </summary>
internal sealed class PostgresSearchIndex : ISearchIndex
{
    // ts_rank_cd's weights in the order D, C, B, A; normalization 1 divides by the log of the
    // document's length, so that a long body does not win by size alone.
    private const string Weights = "{0.1, 0.2, 0.4, 1.0}";

    public IQueryable<SearchMatch> Match(DatelineDbContext db, SearchTerms terms, SearchMode mode, int? newest, SearchScope? scope = null, bool ranked = true)
    {
        scope ??= SearchScope.All;
        var query = terms.ToTsQuery(mode == SearchMode.AnyWord);

        // The scope's names parsed as the indexed text was (plainto_tsquery: "U.S." stays one
        // lexeme), which the GIN index answers without reading a row. Authors and topics share a
        // weight, so they cannot be told apart here; the filters that follow can. An empty name
        // is folded away before it is parsed, and a name of stop words only ("The Who") parses
        // to an empty query, which matches nothing, so it narrows nothing instead.
        //
        // The matches are found and cut to the window by id alone, and only those kept are read
        // again for their vector: sorting whole rows, vectors and all, spilled to disk. Unranked,
        // nothing of the second read is used, and PostgreSQL leaves the join out.
        return db.Database.SqlQuery<SearchMatch>($"""
            SELECT m."ArticleId", CASE WHEN {ranked} THEN ts_rank_cd({Weights}::real[], d."Document", to_tsquery('english', {query}), 1)::double precision ELSE 0 END AS "Rank"
            FROM (
                SELECT s."ArticleId" FROM "ArticleSearch" AS s
                WHERE s."Document" @@ to_tsquery('english', {query})
                    AND ({scope.TopicName} = '' OR numnode(plainto_tsquery('english', {scope.TopicName})) = 0
                        OR s."Document" @@ plainto_tsquery('english', {scope.TopicName}))
                    AND ({scope.AuthorName} = '' OR numnode(plainto_tsquery('english', {scope.AuthorName})) = 0
                        OR s."Document" @@ plainto_tsquery('english', {scope.AuthorName}))
                    AND s."ArticleId" >= {scope.FromId}
                ORDER BY s."ArticleId" DESC LIMIT {newest ?? int.MaxValue}
            ) AS m
            LEFT JOIN "ArticleSearch" AS d ON d."ArticleId" = m."ArticleId"
            """);
    }

    public Task<List<SearchSnippetRow>> SnippetsAsync(DatelineDbContext db, SearchTerms terms, IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        var marks = $"StartSel={SearchText.MatchStart}, StopSel={SearchText.MatchEnd}";
        var whole = marks + ", HighlightAll=true";
        var excerpt = marks + ", MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
        return db.Database.SqlQuery<SearchSnippetRow>($"""
            SELECT s."ArticleId",
                ts_headline('english', s."Headline", q, {whole}) AS "Headline",
                ts_headline('english', s."Dek", q, {whole}) AS "Dek",
                ts_headline('english', s."Body", q, {excerpt}) AS "Body"
            FROM "ArticleSearch" AS s, to_tsquery('english', {terms.ToTsQuery(any: false)}) AS q
            WHERE s."ArticleId" = ANY({articleIds.ToArray()})
            """).ToListAsync(ct);
    }

    public Task WriteAsync(DatelineDbContext db, SearchDocument document, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ArticleSearch" ("ArticleId", "Headline", "Dek", "Body", "Authors", "Topics")
            VALUES ({document.ArticleId}, {document.Headline}, {document.Dek}, {document.Body}, {document.Authors}, {document.Topics})
            ON CONFLICT ("ArticleId") DO UPDATE SET "Headline" = excluded."Headline", "Dek" = excluded."Dek",
                "Body" = excluded."Body", "Authors" = excluded."Authors", "Topics" = excluded."Topics"
            """, ct);

    public Task RemoveAsync(DatelineDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM "ArticleSearch" WHERE "ArticleId" = ANY({articleIds.ToArray()})""", ct);

    public Task<List<int>> UnindexedAsync(DatelineDbContext db, int afterId, int max, CancellationToken ct) =>
        db.Database.SqlQuery<int>($"""
            SELECT a."Id" AS "Value" FROM "Articles" AS a
            WHERE a."Id" > {afterId} AND NOT EXISTS (SELECT 1 FROM "ArticleSearch" AS s WHERE s."ArticleId" = a."Id")
            ORDER BY a."Id" LIMIT {max}
            """).ToListAsync(ct);

    // The foreign key removes an article's entry with it.
    public Task RemoveOrphansAsync(DatelineDbContext db, CancellationToken ct) => Task.CompletedTask;
}
