using Dateline.Features.Archives;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Feeds;

/// <summary>Reads a feed's articles and describes it from the current site settings.</summary>
public sealed class FeedSite(SiteUrls urls, SiteClock clock, IOptionsMonitor<DatelineOptions> options)
{
    public async Task<ArticleFeed> ReadAsync(HttpContext http, ArchiveQueries archives, IQueryable<Article> articles, FeedScope? scope, string selfPath, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(archives);
        var entries = await archives.LatestAsync(articles, FeedEntry.Projection, ct);
        PageCache.TagList(http, entries.Select(e => e.Id));
        // Read once, so that a settings change mid-request cannot mix two titles in one feed.
        var site = options.CurrentValue;
        var baseUrl = urls.BaseUrl(http.Request);
        var channel = new FeedChannel(
            scope is null ? site.SiteTitle : $"{scope.Name} – {site.SiteTitle}",
            baseUrl + (scope?.Path ?? "/"),
            baseUrl + selfPath,
            site.Tagline,
            site.Language,
            entries.Count == 0 ? null : entries.Max(e => e.Modified),
            clock.Zone);
        return new ArticleFeed(channel, entries, baseUrl, site.Feeds.FullContent);
    }
}
