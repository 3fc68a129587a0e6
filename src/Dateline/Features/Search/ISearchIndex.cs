using Dateline.Data;

namespace Dateline.Features.Search;

/// <summary>
/// The full-text index, which each database does its own way: SQLite with an FTS5 table,
/// PostgreSQL with a weighted tsvector under a GIN index. Everything above it (filters, paging,
/// the published rule) is one LINQ query over <see cref="Match"/>.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Matching articles with their rank, composable with the rest of the model. With
    /// <paramref name="newest"/>, only that many of the most recently added matches are ranked,
    /// which bounds the work for words that are in half the archive; with a
    /// <paramref name="scope"/>, only articles that can be in it are looked at; unranked, the rank
    /// is 0 and costs nothing (for counting).
    /// </summary>
    IQueryable<SearchMatch> Match(DatelineDbContext db, SearchTerms terms, SearchMode mode, int? newest, SearchScope? scope = null, bool ranked = true);

    /// <summary>Headline, dek and a body excerpt of these articles, with the terms marked.</summary>
    Task<List<SearchSnippetRow>> SnippetsAsync(DatelineDbContext db, SearchTerms terms, IReadOnlyCollection<int> articleIds, CancellationToken ct);

    /// <summary>Writes these entries in place of any the articles had, in one statement.</summary>
    Task WriteAsync(DatelineDbContext db, IReadOnlyList<SearchDocument> documents, CancellationToken ct);

    Task RemoveAsync(DatelineDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken ct);

    /// <summary>Articles that have no entry yet (after an upgrade, or a write that failed).</summary>
    Task<List<int>> UnindexedAsync(DatelineDbContext db, int afterId, int max, CancellationToken ct);

    /// <summary>Entries whose article is gone (removed behind the model's back).</summary>
    Task RemoveOrphansAsync(DatelineDbContext db, CancellationToken ct);

    /// <summary>
    /// Sets aside the index's own upkeep for a bulk write (an import's), until
    /// <see cref="ResumeUpkeepAsync"/>. The setting is the database's, not the connection's.
    /// </summary>
    Task PauseUpkeepAsync(DatelineDbContext db, CancellationToken ct);

    /// <summary>Takes up the upkeep that <see cref="PauseUpkeepAsync"/> set aside, if it is.</summary>
    Task ResumeUpkeepAsync(DatelineDbContext db, CancellationToken ct);
}
