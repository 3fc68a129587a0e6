using System.Linq.Expressions;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Archives;

/// <summary>The one way lists of published articles are read, newest first, a page at a time.</summary>
public sealed class ArchiveQueries(DatelineDbContext db, SiteClock clock, Microsoft.Extensions.Options.IOptions<DatelineOptions> options)
{
    public IQueryable<Article> Published => db.Articles.AsNoTracking().Published(clock.UtcNow);

    // Split: as one query, SQLite reads every byline in the archive to join a page's worth (the
    // collection sits in a LEFT JOIN it cannot flatten); split, it looks up the page's own.
    public Task<Page<ArticleSummary>> PageAsync(IQueryable<Article> query, int page, CancellationToken ct) =>
        query.NewestFirst().Select(ArticleProjections.Summary).AsSplitQuery().ToPageAsync(page, options.Value.PageSize, ct);

    /// <summary>The first page only, in any projection: what feeds carry.</summary>
    public Task<List<T>> LatestAsync<T>(IQueryable<Article> query, Expression<Func<Article, T>> projection, CancellationToken ct) =>
        query.NewestFirst().AsSplitQuery().Select(projection).Take(options.Value.PageSize).ToListAsync(ct);
}
