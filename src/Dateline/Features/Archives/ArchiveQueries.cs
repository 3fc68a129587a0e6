using System.Linq.Expressions;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Archives;

/// <summary>The one way lists of published articles are read, newest first, a page at a time.</summary>
public sealed class ArchiveQueries(DatelineDbContext db, SiteClock clock, ArchivePageEnds ends, Microsoft.Extensions.Options.IOptions<DatelineOptions> options)
{
    /// <summary>
    /// A topic's or an author's list of at most this many articles is read from its own rows and
    /// sorted; a longer one by walking the list index and checking each article. SQLite's
    /// statistics hold only the average topic's size, so left to itself it takes one way for
    /// every topic: walking found a small topic of old articles only after most of the archive
    /// (40–120 ms on 100,000 articles), and reading a topic that held half of it took 1.1 s.
    /// </summary>
    public const int SmallList = 1000;

    public IQueryable<Article> Published => db.Articles.AsNoTracking().Published(clock.UtcNow);

    /// <summary>The published articles in a topic, in the form that reads the topic fastest (see <see cref="SmallList"/>).</summary>
    public async Task<IQueryable<Article>> InTopicAsync(int topicId, CancellationToken ct)
    {
        var ids = db.Set<Dictionary<string, object>>("ArticleTopic")
            .Where(x => EF.Property<int>(x, "TopicsId") == topicId)
            .Select(x => EF.Property<int>(x, "ArticlesId"));
        return await IsSmallAsync(ids, ct) ? Published.Where(a => ids.Contains(a.Id)) : Published.Where(a => a.Topics.Any(t => t.Id == topicId));
    }

    /// <summary>The published articles of an author, in the form that reads them fastest (see <see cref="SmallList"/>).</summary>
    public async Task<IQueryable<Article>> ByAuthorAsync(int authorId, CancellationToken ct)
    {
        var ids = db.Set<ArticleAuthor>().Where(x => x.AuthorId == authorId).Select(x => x.ArticleId);
        return await IsSmallAsync(ids, ct) ? Published.Where(a => ids.Contains(a.Id)) : Published.Where(a => a.Authors.Any(x => x.AuthorId == authorId));
    }

    // Counts no further than the limit: the count itself reads the topic's (or author's) index.
    private static async Task<bool> IsSmallAsync(IQueryable<int> ids, CancellationToken ct) =>
        await ids.Take(SmallList + 1).CountAsync(ct) <= SmallList;

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
