using System.Runtime.CompilerServices;
using Dateline.Data;
using Dateline.Features.Articles;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Sitemaps;

/// <summary>
/// What the sitemaps list, read as narrow projections in a fixed order (by id, so that a new
/// article joins the last page and earlier pages keep their URLs) and streamed row by row, so
/// that a page of 50,000 URLs is never held in memory. Only published articles count, and only
/// topics and authors with at least one.
/// </summary>
public sealed class SitemapQueries(DatelineDbContext db)
{
    private const int PageSize = SitemapLimits.UrlsPerSitemap;

    public async Task<SitemapIndexData> IndexAsync(DateTime now, CancellationToken ct)
    {
        var published = db.Articles.AsNoTracking().Published(now);
        var home = await published.MaxAsync(a => a.PublishedAt, ct);
        var articles = await NewestPerPageAsync(ArticleTimesAsync(now, ct), ct);
        var topics = await NewestPerPageAsync(TopicRows(now).Select(r => r.Newest).AsAsyncEnumerable(), ct);
        var authors = await NewestPerPageAsync(AuthorRows(now).Select(r => r.Newest).AsAsyncEnumerable(), ct);
        return new SitemapIndexData(home, articles, topics, authors);
    }

    /// <summary>The home page, which shows the newest article.</summary>
    public async IAsyncEnumerable<SitemapUrl> PagesAsync(DateTime now, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return new SitemapUrl("/", await db.Articles.AsNoTracking().Published(now).MaxAsync(a => a.PublishedAt, ct));
    }

    /// <summary>A page of published articles, each with its last change (an edit, or its publication if later).</summary>
    public async IAsyncEnumerable<SitemapUrl> ArticlesAsync(DateTime now, int page, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.Articles.AsNoTracking().Published(now)
            .OrderBy(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new { PathDate = a.PathDate!.Value, a.Slug, PublishedAt = a.PublishedAt!.Value, a.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return new SitemapUrl(ArticlePaths.Of(row.PathDate, row.Slug), Later(row.PublishedAt, row.UpdatedAt));
        }
    }

    /// <summary>A page of topics, each with the publication time of its newest article.</summary>
    public async IAsyncEnumerable<SitemapUrl> TopicsAsync(DateTime now, int page, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = TopicRows(now).Skip((page - 1) * PageSize).Take(PageSize).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return new SitemapUrl($"/topics/{Uri.EscapeDataString(row.Slug)}/", row.Newest);
        }
    }

    /// <summary>A page of authors, each with the publication time of their newest article.</summary>
    public async IAsyncEnumerable<SitemapUrl> AuthorsAsync(DateTime now, int page, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = AuthorRows(now).Skip((page - 1) * PageSize).Take(PageSize).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return new SitemapUrl($"/authors/{Uri.EscapeDataString(row.Slug)}/", row.Newest);
        }
    }

    /// <summary>The newest articles published within the news window, newest first, up to Google's limit.</summary>
    public Task<List<NewsEntry>> NewsAsync(DateTime now, CancellationToken ct)
    {
        var since = now - SitemapLimits.NewsWindow;
        return db.Articles.AsNoTracking().Published(now)
            .Where(a => a.PublishedAt >= since)
            .NewestFirst()
            .Take(SitemapLimits.NewsArticles)
            .Select(a => new NewsEntry(a.PathDate!.Value, a.Slug, a.Headline, a.PublishedAt!.Value, a.UpdatedAt))
            .ToListAsync(ct);
    }

    private async IAsyncEnumerable<DateTime> ArticleTimesAsync(DateTime now, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.Articles.AsNoTracking().Published(now)
            .OrderBy(a => a.Id)
            .Select(a => new { PublishedAt = a.PublishedAt!.Value, a.UpdatedAt })
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return Later(row.PublishedAt, row.UpdatedAt);
        }
    }

    // One pass over the published articles' topic links, grouped, rather than a subquery per topic.
    private IQueryable<NamedRow> TopicRows(DateTime now)
    {
        var newest = db.Articles.Published(now)
            .SelectMany(a => a.Topics, (a, t) => new { TopicId = t.Id, a.PublishedAt })
            .GroupBy(x => x.TopicId)
            .Select(g => new { Id = g.Key, Newest = g.Max(x => x.PublishedAt) });
        return db.Topics.AsNoTracking()
            .Join(newest, t => t.Id, n => n.Id, (t, n) => new NamedRow { Id = t.Id, Slug = t.Slug, Newest = n.Newest!.Value })
            .OrderBy(r => r.Id);
    }

    private IQueryable<NamedRow> AuthorRows(DateTime now)
    {
        var newest = db.Articles.Published(now)
            .SelectMany(a => a.Authors, (a, x) => new { x.AuthorId, a.PublishedAt })
            .GroupBy(x => x.AuthorId)
            .Select(g => new { Id = g.Key, Newest = g.Max(x => x.PublishedAt) });
        return db.Authors.AsNoTracking()
            .Join(newest, t => t.Id, n => n.Id, (t, n) => new NamedRow { Id = t.Id, Slug = t.Slug, Newest = n.Newest!.Value })
            .OrderBy(r => r.Id);
    }

    /// <summary>Splits a stream in sitemap-sized pages and keeps the newest time of each.</summary>
    private static async Task<List<DateTime>> NewestPerPageAsync(IAsyncEnumerable<DateTime> times, CancellationToken ct)
    {
        var pages = new List<DateTime>();
        var inPage = 0;
        await foreach (var time in times.WithCancellation(ct))
        {
            if (inPage == 0)
            {
                pages.Add(time);
            }
            else if (time > pages[^1])
            {
                pages[^1] = time;
            }

            inPage = (inPage + 1) % PageSize;
        }

        return pages;
    }

    // A scheduled article whose time has come is visible before the scheduler touches it, so its
    // last save may predate its publication.
    private static DateTime Later(DateTime publishedAt, DateTime updatedAt) => updatedAt > publishedAt ? updatedAt : publishedAt;

    // Member-initialized rather than positional, so that EF can order and page by its members.
    private sealed class NamedRow
    {
        public int Id { get; init; }
        public required string Slug { get; init; }
        public DateTime Newest { get; init; }
    }
}
