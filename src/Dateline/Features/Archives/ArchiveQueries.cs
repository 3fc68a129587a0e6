using System.Linq.Expressions;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Archives;

/// <summary>The one way lists of published articles are read, newest first, a page at a time.</summary>
public sealed class ArchiveQueries(DatelineDbContext db, SiteClock clock, ArchivePageEnds ends, Microsoft.Extensions.Options.IOptions<DatelineOptions> options)
{
    public IQueryable<Article> Published => db.Articles.AsNoTracking().Published(clock.UtcNow);

    /// <summary>
    /// One page of a list of articles, newest first. <paramref name="list"/> names the list (its
    /// address without the page number), under which the page's end is kept for the next page
    /// (<see cref="ArchivePageEnds"/>).
    /// </summary>
    // Split: as one query, SQLite reads every byline in the archive to join a page's worth (the
    // collection sits in a LEFT JOIN it cannot flatten); split, it looks up the page's own.
    public Task<Page<ArticleSummary>> PageAsync(IQueryable<Article> query, string list, int page, CancellationToken ct) =>
        PageAsync(query, list, page, q => q.Select(ArticleProjections.Summary).AsSplitQuery(), a => new(a.PublishedAt, a.Id), ct);

    /// <summary>
    /// One page of a list of articles, newest first, in the shape <paramref name="shape"/> gives;
    /// <paramref name="placeOf"/> tells where a shaped article stands in the list.
    /// </summary>
    public async Task<Page<T>> PageAsync<T>(
        IQueryable<Article> query, string list, int page, Func<IQueryable<Article>, IQueryable<T>> shape,
        Func<T, ArchivePageEnds.Place> placeOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(placeOf);
        page = Math.Clamp(page, 1, Paging.MaxPage);
        var size = options.Value.PageSize;
        var generation = ends.Generation;
        IQueryable<T> rows;
        if (page > 1 && ends.Find(list, size, page - 1) is { } after)
        {
            rows = shape(After(query, after).NewestFirst());
        }
        else
        {
            rows = shape(query.NewestFirst()).Skip((page - 1) * size);
        }

        // One more than a page holds tells whether another follows.
        var items = await rows.Take(size + 1).ToListAsync(ct);
        var hasNext = items.Count > size;
        if (hasNext)
        {
            items.RemoveAt(size);
            ends.Remember(list, size, page, generation, placeOf(items[^1]));
        }

        return new Page<T>(items, page, hasNext);
    }

    /// <summary>The articles after <paramref name="place"/> in a newest-first list.</summary>
    public static IQueryable<Article> After(IQueryable<Article> query, ArchivePageEnds.Place place)
    {
        // "At or before its time" first, so that both databases read the list's index from that point on.
        var (time, id) = place;
        return query.Where(a => a.PublishedAt <= time && (a.PublishedAt < time || a.Id < id));
    }

    /// <summary>The first page only, in any projection: what feeds carry.</summary>
    public Task<List<T>> LatestAsync<T>(IQueryable<Article> query, Expression<Func<Article, T>> projection, CancellationToken ct) =>
        query.NewestFirst().AsSplitQuery().Select(projection).Take(options.Value.PageSize).ToListAsync(ct);
}
