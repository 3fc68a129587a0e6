namespace Dateline.Features.Sitemaps;

/// <summary>
/// What the sitemap index lists: the home page's last change, and for each page of articles,
/// topics and authors the newest last change among its URLs (one element per page).
/// </summary>
public sealed record SitemapIndexData(
    DateTime? Home,
    IReadOnlyList<DateTime> ArticlePages,
    IReadOnlyList<DateTime> TopicPages,
    IReadOnlyList<DateTime> AuthorPages);
