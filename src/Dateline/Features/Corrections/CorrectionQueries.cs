using Dateline.Data;
using Dateline.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Corrections;

public static class CorrectionQueries
{
    /// <summary>
    /// Every correction and update on an article readers can see now, newest first. A note on a
    /// draft or on an article scheduled for later stays out until the article is out.
    /// </summary>
    public static IQueryable<CorrectionEntry> Published(DatelineDbContext db, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from n in db.ArticleNotes.AsNoTracking()
               join a in db.Articles.Published(now) on n.ArticleId equals a.Id
               orderby n.At descending, n.Id descending
               select new CorrectionEntry(n.Id, n.Kind, n.At, n.Text, a.Id, a.Headline, a.PathDate!.Value, a.Slug, a.UpdatedAt);
    }
}
