using System.Text;
using Dateline.Features.Feeds;
using Dateline.Web;

namespace Dateline.Features.Sitemaps;

/// <summary>
/// /robots.txt: what crawlers are asked to leave alone, and where the sitemaps are. It changes
/// only with the site URL, which a settings change evicts with everything else.
/// </summary>
public static class RobotsTxt
{
    public const string ContentType = "text/plain; charset=utf-8";

    // Why each: the newsroom and its API are for staff; the public JSON API repeats the pages;
    // confirmation and subscription links carry one reader's token; search results are endless
    // and thin; a reply link (?replyto=) or a held comment (?held=) is the article page again.
    private static readonly string[] Disallowed =
    [
        "/newsroom/",
        "/api/",
        "/comments/confirm",
        "/comments/subscriptions/",
        "/search",
        "/*replyto=",
        "/*held=",
    ];

    public static IEndpointRouteBuilder MapRobotsTxt(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/robots.txt", HeadRequests.GetAndHead, Robots).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        return app;
    }

    public static IResult Robots(HttpContext http, SiteUrls urls)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(urls);
        return FeedResponse.Send(http, Encoding.UTF8.GetBytes(Text(urls.BaseUrl(http.Request))), ContentType, null);
    }

    public static string Text(string baseUrl)
    {
        var text = new StringBuilder("User-agent: *\n");
        foreach (var path in Disallowed)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }

        return text.Append('\n')
            .Append("Sitemap: ").Append(baseUrl).Append(SitemapEndpoints.IndexPath).Append('\n')
            .Append("Sitemap: ").Append(baseUrl).Append(SitemapEndpoints.NewsPath).Append('\n')
            .ToString();
    }
}
