using Dateline.Features.Articles;

namespace Dateline.Features.StaticPages;

/// <summary>Which paths a page may have: one to four slug segments (WordPress nests pages in their parents' paths) that no other part of the site answers.</summary>
public static class StaticPagePaths
{
    public const int MaxDepth = 4;

    // First segments the site's own routes take; a page there could never be reached.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "api", "authors", "comments", "corrections", "error", "feed", "healthz", "media", "newsroom",
        "robots.txt", "search", "sitemap.xml", "news-sitemap.xml", "topics", "css", "js", "images", "favicon.ico",
    };

    /// <summary>Null when the path can be a page's, else why not.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        if (path.Length == 0 || path.Length > StaticPage.MaxPath || segments.Length > MaxDepth || segments.Any(s => !SlugGenerator.IsValid(s)))
        {
            return $"\"/{path}/\" is not a page address (one to four lower-case slugs)";
        }

        if (Reserved.Contains(segments[0]) || segments[0].All(char.IsAsciiDigit))
        {
            return $"\"/{path}/\" is taken by the site's own pages (or a date archive)";
        }

        return null;
    }

    public static string Of(string path) => "/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString)) + "/";
}
