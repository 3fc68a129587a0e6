using Dateline.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dateline.Features.Search;

/// <summary>Brings index entries up to date with their articles, whatever their status.</summary>
public static partial class ArticleSearchIndex
{
    private const int Batch = 200;

    /// <summary>
    /// Body text beyond this is not indexed: PostgreSQL refuses a tsvector over 1 MB, and an
    /// article's opening carries what a reader searches for.
    /// </summary>
    public const int MaxBodyText = 100_000;

    /// <summary>
    /// Writes the entry of each article that exists and removes the others'. Every article is
    /// indexed, drafts too: searches join the published rule, so publishing, unpublishing and a
    /// scheduled time coming due change what is found without touching the index.
    /// </summary>
    public static async Task RefreshAsync(DatelineDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        var index = SearchIndexes.For(db);
        foreach (var chunk in articleIds.Distinct().Chunk(Batch))
        {
            var rows = await db.Articles.AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(a => new
            {
                a.Id,
                a.Headline,
                a.Dek,
                a.BodyHtml,
                Authors = a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList(),
                Topics = a.Topics.Select(t => t.Name).ToList(),
                Section = a.Section == null ? null : a.Section.Name,
            }).AsSplitQuery().ToListAsync(ct);

            // One commit per chunk rather than one per entry: on SQLite each commit is a sync to disk.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var gone = chunk.Except(rows.Select(r => r.Id)).ToList();
            if (gone.Count > 0)
            {
                await index.RemoveAsync(db, gone, ct);
            }

            await index.WriteAsync(db, [.. rows.Select(row => new SearchDocument(
                row.Id,
                SearchText.Clean(row.Headline),
                SearchText.Clean(row.Dek),
                SearchTerms.Cut(SearchText.FromHtml(row.BodyHtml), MaxBodyText),
                SearchText.Clean(string.Join(", ", row.Authors)),
                SearchText.Clean(string.Join(", ", row.Section is null ? row.Topics : [.. row.Topics, row.Section]))))], ct);

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
    }

    /// <summary>
    /// Indexes every article without an entry and drops entries without an article: after the
    /// upgrade that adds search, and as a repair at each start (which also takes up upkeep that a
    /// bulk write paused and did not get to resume).
    /// </summary>
    public static async Task<int> CatchUpAsync(DatelineDbContext db, CancellationToken ct)
    {
        var index = SearchIndexes.For(db);
        await index.ResumeUpkeepAsync(db, ct);
        await index.RemoveOrphansAsync(db, ct);
        var total = 0;
        var after = 0;
        while (true)
        {
            var missing = await index.UnindexedAsync(db, after, Batch * 5, ct);
            if (missing.Count == 0)
            {
                return total;
            }

            after = missing[^1];
            try
            {
                await RefreshAsync(db, missing, ct);
                total += missing.Count;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                // One article the index refuses must not stop the server from starting: the
                // batch is tried one by one, and what still fails stays out (and is logged).
                db.ChangeTracker.Clear();
                foreach (var id in missing)
                {
                    try
                    {
                        await RefreshAsync(db, [id], ct);
                        total++;
                    }
                    catch (Exception single) when (single is System.Data.Common.DbException or InvalidOperationException)
                    {
                        NotIndexed(db.GetService<ILoggerFactory>().CreateLogger(typeof(ArticleSearchIndex)), single, id);
                    }
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Article {ArticleId} could not be indexed for search")]
    private static partial void NotIndexed(ILogger logger, Exception exception, int articleId);
}
