using Dateline.Data;
using Dateline.Features.Archives;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Feeds;

/// <summary>
/// Feeds of the newest published articles: the site's in RSS 2.0, Atom 1.0 and JSON Feed 1.1,
/// and a topic's or an author's in the same three. Each is cached as a list, so that publishing evicts it.
/// </summary>
public static class ArticleFeeds
{
    public static IEndpointRouteBuilder MapArticleFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/feed/", HeadRequests.GetAndHead, SiteRssAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/feed/atom/", HeadRequests.GetAndHead, SiteAtomAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/feed.json", HeadRequests.GetAndHead, SiteJsonAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/topics/{slug}/feed/", HeadRequests.GetAndHead, TopicRssAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/topics/{slug}/feed/atom/", HeadRequests.GetAndHead, TopicAtomAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/topics/{slug}/feed.json", HeadRequests.GetAndHead, TopicJsonAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/authors/{slug}/feed/", HeadRequests.GetAndHead, AuthorRssAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/authors/{slug}/feed/atom/", HeadRequests.GetAndHead, AuthorAtomAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/authors/{slug}/feed.json", HeadRequests.GetAndHead, AuthorJsonAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        return app;
    }

    public static async Task<IResult> SiteRssAsync(HttpContext http, ArchiveQueries archives, FeedSite site, CancellationToken ct)
    {
        var feed = await site.ReadAsync(http, archives, archives.Published, null, "/feed/", ct);
        return FeedResponse.Send(http, RssArticleWriter.Write(feed), RssArticleWriter.ContentType, feed.Channel.Updated);
    }

    public static async Task<IResult> SiteAtomAsync(HttpContext http, ArchiveQueries archives, FeedSite site, SiteClock clock, CancellationToken ct)
    {
        var feed = await site.ReadAsync(http, archives, archives.Published, null, "/feed/atom/", ct);
        return FeedResponse.Send(http, AtomArticleWriter.Write(feed, clock.UtcNow), AtomArticleWriter.ContentType, feed.Channel.Updated);
    }

    public static async Task<IResult> SiteJsonAsync(HttpContext http, ArchiveQueries archives, FeedSite site, CancellationToken ct)
    {
        var feed = await site.ReadAsync(http, archives, archives.Published, null, "/feed.json", ct);
        return FeedResponse.Send(http, JsonFeedWriter.Write(feed), JsonFeedWriter.ContentType, feed.Channel.Updated);
    }

    public static Task<IResult> TopicRssAsync(string slug, HttpContext http, DatelineDbContext db, ArchiveQueries archives, FeedSite site, SiteClock clock, CancellationToken ct) =>
        TopicAsync(slug, FeedFormat.Rss, http, db, archives, site, clock, ct);

    public static Task<IResult> TopicAtomAsync(string slug, HttpContext http, DatelineDbContext db, ArchiveQueries archives, FeedSite site, SiteClock clock, CancellationToken ct) =>
        TopicAsync(slug, FeedFormat.Atom, http, db, archives, site, clock, ct);

    public static Task<IResult> TopicJsonAsync(string slug, HttpContext http, DatelineDbContext db, ArchiveQueries archives, FeedSite site, SiteClock clock, CancellationToken ct) =>
        TopicAsync(slug, FeedFormat.Json, http, db, archives, site, clock, ct);

    public static Task<IResult> AuthorRssAsync(string slug, HttpContext http, DatelineDbContext db, ArchiveQueries archives, FeedSite site, SiteClock clock, CancellationToken ct) =>
        AuthorAsync(slug, FeedFormat.Rss, http, db, archives, site, clock, ct);

    public static Task<IResult> AuthorAtomAsync(string slug, HttpContext http, DatelineDbContext db, ArchiveQueries archives, FeedSite site, SiteClock clock, CancellationToken ct) =>
        AuthorAsync(slug, FeedFormat.Atom, http, db, archives, site, clock, ct);

    public static Task<IResult> AuthorJsonAsync(string slug, HttpContext http, DatelineDbContext db, ArchiveQueries archives, FeedSite site, SiteClock clock, CancellationToken ct) =>
        AuthorAsync(slug, FeedFormat.Json, http, db, archives, site, clock, ct);

    private static async Task<IResult> TopicAsync(string slug, FeedFormat format, HttpContext http, DatelineDbContext db, ArchiveQueries archives, FeedSite site, SiteClock clock, CancellationToken ct)
    {
        var lowered = slug.ToLowerInvariant();
        var topic = await db.Topics.AsNoTracking().Where(t => t.Slug == lowered).Select(t => new { t.Id, t.Name, t.Slug }).FirstOrDefaultAsync(ct);
        if (topic is null)
        {
            return TypedResults.NotFound();
        }

        var path = $"/topics/{Uri.EscapeDataString(topic.Slug)}/";
        var feed = await site.ReadAsync(http, archives, archives.Published.Where(a => a.Topics.Any(t => t.Id == topic.Id)), new FeedScope(topic.Name, path), SelfPath(path, format), ct);
        return Send(http, feed, format, clock);
    }

    private static async Task<IResult> AuthorAsync(string slug, FeedFormat format, HttpContext http, DatelineDbContext db, ArchiveQueries archives, FeedSite site, SiteClock clock, CancellationToken ct)
    {
        var lowered = slug.ToLowerInvariant();
        var author = await db.Authors.AsNoTracking().Where(a => a.Slug == lowered).Select(a => new { a.Id, a.Name, a.Slug }).FirstOrDefaultAsync(ct);
        if (author is null)
        {
            return TypedResults.NotFound();
        }

        var path = $"/authors/{Uri.EscapeDataString(author.Slug)}/";
        var feed = await site.ReadAsync(http, archives, archives.Published.Where(a => a.Authors.Any(x => x.AuthorId == author.Id)), new FeedScope(author.Name, path), SelfPath(path, format), ct);
        return Send(http, feed, format, clock);
    }

    // A topic's or author's feeds sit under its page, named as the site's are under the root.
    private static string SelfPath(string pagePath, FeedFormat format) => format switch
    {
        FeedFormat.Atom => pagePath + "feed/atom/",
        FeedFormat.Json => pagePath.TrimEnd('/') + "/feed.json",
        _ => pagePath + "feed/",
    };

    private static IResult Send(HttpContext http, ArticleFeed feed, FeedFormat format, SiteClock clock) => format switch
    {
        FeedFormat.Atom => FeedResponse.Send(http, AtomArticleWriter.Write(feed, clock.UtcNow), AtomArticleWriter.ContentType, feed.Channel.Updated),
        FeedFormat.Json => FeedResponse.Send(http, JsonFeedWriter.Write(feed), JsonFeedWriter.ContentType, feed.Channel.Updated),
        _ => FeedResponse.Send(http, RssArticleWriter.Write(feed), RssArticleWriter.ContentType, feed.Channel.Updated),
    };
}
