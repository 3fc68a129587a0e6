using Dateline.Data;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Search;

/// <summary>Brings index entries up to date with their articles, whatever their status.</summary>
public static class ArticleSearchIndex
{
    private const int Batch = 200;

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

            foreach (var row in rows)
            {
                var topics = row.Section is null ? row.Topics : [.. row.Topics, row.Section];
                await index.WriteAsync(db, new SearchDocument(
                    row.Id,
                    SearchText.Clean(row.Headline),
                    SearchText.Clean(row.Dek),
                    SearchText.FromHtml(row.BodyHtml),
                    SearchText.Clean(string.Join(", ", row.Authors)),
                    SearchText.Clean(string.Join(", ", topics))), ct);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
    }

    /// <summary>
    /// Indexes every article without an entry and drops entries without an article: after the
    /// upgrade that adds search, and as a repair at each start.
    /// </summary>
    public static async Task<int> CatchUpAsync(DatelineDbContext db, CancellationToken ct)
    {
        var index = SearchIndexes.For(db);
        await index.RemoveOrphansAsync(db, ct);
        var total = 0;
        while (true)
        {
            var missing = await index.UnindexedAsync(db, Batch * 5, ct);
            if (missing.Count == 0)
            {
                return total;
            }

            await RefreshAsync(db, missing, ct);
            total += missing.Count;
        }
    }
}
