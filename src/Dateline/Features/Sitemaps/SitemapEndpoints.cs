using System.Globalization;
using Dateline.Features.Feeds;
using Dateline.Web;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Sitemaps;

/// <summary>
/// The sitemap index at /sitemap.xml, the sitemaps it lists under /sitemaps/, and the Google News
/// sitemap. Each is cached as a list, so that publishing, editing or unpublishing an article
/// evicts it, and each answers HEAD and conditional requests (docs/sitemaps.md).
/// </summary>
public static class SitemapEndpoints
{
    public const string IndexPath = "/sitemap.xml";
    public const string NewsPath = "/news-sitemap.xml";
    public const string PagesPath = "/sitemaps/pages.xml";

    public static IEndpointRouteBuilder MapSitemaps(this IEndpointRouteBuilder app)
    {
        app.MapMethods(IndexPath, HeadRequests.GetAndHead, IndexAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods(PagesPath, HeadRequests.GetAndHead, PagesAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/sitemaps/articles-{page}.xml", HeadRequests.GetAndHead, ArticlesAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/sitemaps/topics-{page}.xml", HeadRequests.GetAndHead, TopicsAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/sitemaps/authors-{page}.xml", HeadRequests.GetAndHead, AuthorsAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods(NewsPath, HeadRequests.GetAndHead, NewsAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        return app;
    }

    public static string ArticlesPath(int page) => PagePath("articles", page);

    public static string TopicsPath(int page) => PagePath("topics", page);

    public static string AuthorsPath(int page) => PagePath("authors", page);

    public static async Task<IResult> IndexAsync(HttpContext http, SitemapQueries queries, SiteUrls urls, SiteClock clock, CancellationToken ct)
    {
        PageCache.Tag(http, PageCache.ListsTag);
        var data = await queries.IndexAsync(clock.UtcNow, ct);
        List<SitemapUrl> sitemaps =
        [
            new(PagesPath, data.Home),
            .. data.ArticlePages.Select((newest, i) => new SitemapUrl(ArticlesPath(i + 1), newest)),
            .. data.TopicPages.Select((newest, i) => new SitemapUrl(TopicsPath(i + 1), newest)),
            .. data.AuthorPages.Select((newest, i) => new SitemapUrl(AuthorsPath(i + 1), newest)),
        ];
        var body = SitemapXml.Index(urls.BaseUrl(http.Request), clock.Zone, sitemaps);
        return FeedResponse.Send(http, body, SitemapXml.ContentType, sitemaps.Max(s => s.LastModifiedUtc));
    }

    public static Task<IResult> PagesAsync(HttpContext http, SitemapQueries queries, SiteUrls urls, SiteClock clock, CancellationToken ct)
    {
        var now = clock.UtcNow;
        return UrlSetAsync(http, urls, clock, token => queries.PagesAsync(now, token), ct);
    }

    public static Task<IResult> ArticlesAsync(string page, HttpContext http, SitemapQueries queries, SiteUrls urls, SiteClock clock, CancellationToken ct)
    {
        var now = clock.UtcNow;
        return PageNumber(page) is { } number
            ? UrlSetAsync(http, urls, clock, token => queries.ArticlesAsync(now, number, token), ct)
            : Task.FromResult<IResult>(TypedResults.NotFound());
    }

    public static Task<IResult> TopicsAsync(string page, HttpContext http, SitemapQueries queries, SiteUrls urls, SiteClock clock, CancellationToken ct)
    {
        var now = clock.UtcNow;
        return PageNumber(page) is { } number
            ? UrlSetAsync(http, urls, clock, token => queries.TopicsAsync(now, number, token), ct)
            : Task.FromResult<IResult>(TypedResults.NotFound());
    }

    public static Task<IResult> AuthorsAsync(string page, HttpContext http, SitemapQueries queries, SiteUrls urls, SiteClock clock, CancellationToken ct)
    {
        var now = clock.UtcNow;
        return PageNumber(page) is { } number
            ? UrlSetAsync(http, urls, clock, token => queries.AuthorsAsync(now, number, token), ct)
            : Task.FromResult<IResult>(TypedResults.NotFound());
    }

    public static async Task<IResult> NewsAsync(HttpContext http, SitemapQueries queries, SiteUrls urls, SiteClock clock, IOptionsMonitor<DatelineOptions> options, CancellationToken ct)
    {
        PageCache.Tag(http, PageCache.ListsTag);
        var entries = await queries.NewsAsync(clock.UtcNow, ct);
        // Read once, so that a settings change mid-request cannot mix two names in one document.
        var site = options.CurrentValue;
        var body = SitemapXml.News(urls.BaseUrl(http.Request), clock.Zone, site.SiteTitle, NewsLanguage.Of(site.Language), entries);
        var lastModified = entries.Count == 0 ? (DateTime?)null : entries.Max(e => e.UpdatedAt > e.PublishedAt ? e.UpdatedAt : e.PublishedAt);
        return FeedResponse.Send(http, body, SitemapXml.ContentType, lastModified);
    }

    private static Task<IResult> UrlSetAsync(HttpContext http, SiteUrls urls, SiteClock clock, Func<CancellationToken, IAsyncEnumerable<SitemapUrl>> read, CancellationToken ct)
    {
        // Any article published, changed or withdrawn may change any of them.
        PageCache.Tag(http, PageCache.ListsTag);
        return UrlSetResponse.SendAsync(http, urls.BaseUrl(http.Request), clock.Zone, read, ct);
    }

    private static string PagePath(string kind, int page) => string.Create(CultureInfo.InvariantCulture, $"/sitemaps/{kind}-{page}.xml");

    /// <summary>A page number as the index writes it (1, 2, …; no sign, no leading zero), else none.</summary>
    private static int? PageNumber(string text) =>
        text is { Length: > 0 and <= 6 } && text[0] != '0' && text.All(char.IsAsciiDigit)
            && int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is var page && page <= SitemapLimits.LastPage
                ? page
                : null;
}
