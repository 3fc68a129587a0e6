using System.Text.Encodings.Web;
using System.Text.Unicode;
using Dateline.Data;
using Dateline.Features.Feeds;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Corrections;

/// <summary>RSS 2.0 of the newest corrections and updates, each pointing at the note on its article.</summary>
public static class CorrectionsFeed
{
    public const string Path = "/corrections/feed/";

    // A note is plain text, and an RSS description is HTML: encoded once here, so that a reader
    // shows "<b>" in a note as typed rather than as markup (the XML writer then escapes it again).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapCorrectionsFeed(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], FeedAsync).ExcludeFromDescription().CacheOutput(PageCache.PolicyName);
        return app;
    }

    public static async Task<IResult> FeedAsync(HttpContext http, DatelineDbContext db, SiteClock clock, SiteUrls urls, IOptionsMonitor<DatelineOptions> options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Read once, so that a settings change mid-request cannot mix two titles in one feed.
        var site = options.CurrentValue;
        var entries = await CorrectionQueries.Published(db, clock.UtcNow).Take(site.PageSize).ToListAsync(ct);
        PageCache.TagList(http, entries.Select(e => e.ArticleId));
        var baseUrl = urls.BaseUrl(http.Request);
        // A headline edited after its note changes the feed too; the article's own time says so.
        DateTime? updated = entries.Count == 0 ? null : entries.Max(e => e.ArticleUpdatedAt > e.At ? e.ArticleUpdatedAt : e.At);
        var channel = new FeedChannel(
            $"Corrections and updates – {site.SiteTitle}",
            baseUrl + "/corrections/",
            baseUrl + Path,
            $"Every correction and update to an article on {site.SiteTitle}, newest first.",
            site.Language,
            updated,
            clock.Zone);
        var body = FeedXml.Rss(channel, xml =>
        {
            foreach (var entry in entries)
            {
                var url = baseUrl + entry.Path;
                xml.WriteStartElement("item");
                xml.WriteElementString("title", $"{entry.KindName}: {entry.Headline}");
                xml.WriteElementString("link", url);
                // The note's own anchor on the article page: unique per note, and stable.
                xml.WriteStartElement("guid");
                xml.WriteAttributeString("isPermaLink", "true");
                xml.WriteString(url);
                xml.WriteEndElement();
                xml.WriteElementString("pubDate", FeedDates.Rfc822(entry.At, clock.Zone));
                xml.WriteElementString("category", entry.KindName);
                xml.WriteElementString("description", Html.Encode(entry.Text));
                xml.WriteEndElement();
            }
        });
        return FeedResponse.Send(http, body, RssArticleWriter.ContentType, updated);
    }
}
