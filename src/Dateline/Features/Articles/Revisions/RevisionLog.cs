using Dateline.Data;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Articles.Revisions;

/// <summary>
/// Adds the revision for a save to the caller's unit of work. Call it inside the save's
/// transaction after the article's own row is written: that write locks the row (and makes a
/// rival save fail its version check), so the next number read here cannot be taken twice.
/// </summary>
internal static class RevisionLog
{
    public const string Unknown = "system:unknown";

    /// <param name="before">The article before this save, with when and by whom it was last saved; null when creating.</param>
    public static async Task AddAsync(DatelineDbContext db, Article article, (ArticleSnapshot Snapshot, DateTime At)? before, ArticleSnapshot after,
        string savedBy, DateTime savedAt, int? restoredFrom, CancellationToken ct)
    {
        // A new article has no revisions yet; asking would cost a query per article in an import.
        var number = before is null ? 0 : await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        if (number == 0 && before is { } earlier)
        {
            // An article written before revisions were kept: its state before this save becomes
            // revision 1, so that the first edit after the upgrade can still be undone.
            db.ArticleRevisions.Add(new ArticleRevision
            {
                ArticleId = article.Id,
                Number = ++number,
                SavedAt = earlier.At,
                SavedBy = article.CreatedBy ?? Unknown,
                Summary = "As it was before revisions were kept",
                Snapshot = earlier.Snapshot,
            });
        }

        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = article.Id,
            Number = number + 1,
            SavedAt = savedAt,
            SavedBy = savedBy,
            Summary = RevisionSummary.Describe(before?.Snapshot, after, restoredFrom),
            RestoredFrom = restoredFrom,
            Snapshot = after,
        });
    }
}
