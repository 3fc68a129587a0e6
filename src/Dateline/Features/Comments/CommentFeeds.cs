using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Feeds;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Comments;

/// <summary>RSS 2.0 feeds of approved comments: the whole site's, and one article's.</summary>
public static class CommentFeeds
{
    private const int Items = 50;

    public static IEndpointRouteBuilder MapCommentFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/comments/feed/", HeadRequests.GetAndHead, SiteFeedAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        app.MapMethods("/{year:int}/{month:int}/{day:int}/{slug}/feed/", HeadRequests.GetAndHead, ArticleFeedAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        return app;
    }

    public static async Task<IResult> SiteFeedAsync(HttpContext http, DatelineDbContext db, SiteClock clock, SiteUrls urls, IOptionsMonitor<DatelineOptions> options, CancellationToken ct)
    {
        var baseUrl = urls.BaseUrl(http.Request);
        var now = clock.UtcNow;
        var items = await ItemsAsync(db, db.Articles.Published(now), ct);
        PageCache.Tag(http, PageCache.CommentFeedsTag);
        var site = options.CurrentValue;
        return Rss(http, $"Comments on {site.SiteTitle}", baseUrl + "/", baseUrl + "/comments/feed/", site, clock, baseUrl, items);
    }

    public static async Task<IResult> ArticleFeedAsync(int year, int month, int day, string slug, HttpContext http, DatelineDbContext db, SiteClock clock, SiteUrls urls, IOptionsMonitor<DatelineOptions> options, CancellationToken ct)
    {
        if (year is < 1000 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return TypedResults.NotFound();
        }

        var date = new DateOnly(year, month, day);
        var lowered = slug.ToLowerInvariant();
        var articles = db.Articles.Published(clock.UtcNow).Where(a => a.PathDate == date && a.Slug == lowered);
        var article = await articles.Select(a => new { a.Id, a.Headline }).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return TypedResults.NotFound();
        }

        PageCache.TagArticles(http, [article.Id]);
        var headline = article.Headline;

        var baseUrl = urls.BaseUrl(http.Request);
        var path = ArticlePaths.Of(date, lowered);
        return Rss(http, $"Comments on: {headline}", baseUrl + path, baseUrl + path + "feed/", options.CurrentValue, clock, baseUrl, await ItemsAsync(db, articles, ct));
    }

    private static Task<List<FeedItem>> ItemsAsync(DatelineDbContext db, IQueryable<Article> articles, CancellationToken ct) =>
        db.Comments.AsNoTracking().Approved()
            .Where(c => articles.Any(a => a.Id == c.ArticleId))
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Take(Items)
            .Select(c => new FeedItem(
                c.Id, c.AuthorName, c.BodyHtml, c.CreatedAt,
                db.Articles.Where(a => a.Id == c.ArticleId).Select(a => new FeedArticle(a.Headline, a.PathDate!.Value, a.Slug)).First()))
            .ToListAsync(ct);

    private static IResult Rss(HttpContext http, string title, string link, string self, DatelineOptions site, SiteClock clock, string baseUrl, List<FeedItem> items)
    {
        var updated = items.Count > 0 ? items[0].CreatedAt : (DateTime?)null;
        var channel = new FeedChannel(title, link, self, title, site.Language, updated, clock.Zone);
        var body = FeedXml.Rss(channel, xml =>
        {
            foreach (var item in items)
            {
                var url = $"{baseUrl}{ArticlePaths.Of(item.Article.PathDate, item.Article.Slug)}#comment-{item.Id}";
                xml.WriteStartElement("item");
                xml.WriteElementString("title", $"Comment on {item.Article.Headline} by {item.AuthorName}");
                xml.WriteElementString("link", url);
                xml.WriteElementString("dc", "creator", FeedXml.DcNamespace, item.AuthorName);
                xml.WriteElementString("pubDate", FeedDates.Rfc822(item.CreatedAt, clock.Zone));
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(url);
                xml.WriteEndElement();
                xml.WriteElementString("description", item.BodyHtml);
                xml.WriteEndElement();
            }
        });
        return FeedResponse.Send(http, body, RssArticleWriter.ContentType, updated);
    }

    private sealed record FeedItem(int Id, string AuthorName, string BodyHtml, DateTime CreatedAt, FeedArticle Article);

    private sealed record FeedArticle(string Headline, DateOnly PathDate, string Slug);
}
