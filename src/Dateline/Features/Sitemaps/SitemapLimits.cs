namespace Dateline.Features.Sitemaps;

/// <summary>The limits search engines set on sitemaps.</summary>
public static class SitemapLimits
{
    /// <summary>URLs in one sitemap (sitemaps.org); more are split over numbered sitemaps.</summary>
    public const int UrlsPerSitemap = 50_000;

    /// <summary>URLs in one Google News sitemap.</summary>
    public const int NewsArticles = 1_000;

    /// <summary>How far back the Google News sitemap reaches: Google News takes articles of the last two days.</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);

    /// <summary>The highest page number whose first row still fits an int offset.</summary>
    public const int LastPage = int.MaxValue / UrlsPerSitemap;
}
