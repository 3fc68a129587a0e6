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

        // The scope's topic and author narrow the matches by their names, parsed as the indexed
        // text was (SearchText.Clean, then plainto_tsquery: "U.S." stays one lexeme), which the
        // GIN index answers without reading a row; the exact filters follow in the caller. By id
        // from the join tables instead, PostgreSQL could only filter each match of the word,
        // reading them all (0.2 s for a common word). An empty name is folded away before it is
        // parsed, and a name of stop words only ("The Who") parses to an empty query, which
        // matches nothing, so it narrows nothing instead.
        //
        // The matches are found and cut to the window by id alone, and only those kept are read
        // again, one by one, for their vector: sorting whole rows, vectors and all, spilled to
        // disk, and a join let the planner read the whole table when it expected many matches.
        // Unranked, the read is folded away.
        var topic = SearchText.Clean(scope.TopicName);
        var author = SearchText.Clean(scope.AuthorName);
        return db.Database.SqlQuery<SearchMatch>($"""
            SELECT m."ArticleId", CASE WHEN {ranked}
                THEN (SELECT ts_rank_cd({Weights}::real[], d."Document", to_tsquery('english', {query}), 1)::double precision FROM "ArticleSearch" AS d WHERE d."ArticleId" = m."ArticleId")
                ELSE 0 END AS "Rank"
            FROM (
                SELECT s."ArticleId" FROM "ArticleSearch" AS s
                WHERE s."Document" @@ to_tsquery('english', {query})
                    AND ({topic} = '' OR numnode(plainto_tsquery('english', {topic})) = 0 OR s."Document" @@ plainto_tsquery('english', {topic}))
                    AND ({author} = '' OR numnode(plainto_tsquery('english', {author})) = 0 OR s."Document" @@ plainto_tsquery('english', {author}))
                    AND s."ArticleId" >= {scope.FromId}
                ORDER BY s."ArticleId" DESC LIMIT {newest ?? int.MaxValue}
            ) AS m
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

    public Task WriteAsync(DatelineDbContext db, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        if (documents.Count == 0)
        {
            return Task.CompletedTask;
        }

        return db.Database.ExecuteSqlAsync(SearchDocument.WithValues(
            """INSERT INTO "ArticleSearch" ("ArticleId", "Headline", "Dek", "Body", "Authors", "Topics") VALUES""",
            documents,
            """
             ON CONFLICT ("ArticleId") DO UPDATE SET "Headline" = excluded."Headline", "Dek" = excluded."Dek",
                "Body" = excluded."Body", "Authors" = excluded."Authors", "Topics" = excluded."Topics"
            """), ct);
    }

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

    // A GIN index has its own pending list, which autovacuum cleans up; nothing to set aside.
    public Task PauseUpkeepAsync(DatelineDbContext db, CancellationToken ct) => Task.CompletedTask;

    public Task ResumeUpkeepAsync(DatelineDbContext db, CancellationToken ct) => Task.CompletedTask;
}
