namespace Dateline.Web;

/// <summary>What a page tells the layout about itself (title, description, canonical URL), per request.</summary>
public sealed class PageMeta
{
    public string? Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Path of the canonical URL; made absolute by the layout.</summary>
    public string? CanonicalPath { get; set; }

    /// <summary>Keeps the page out of search engines (errors, deep pages of a list).</summary>
    public bool NoIndex { get; set; }

    /// <summary>Path of this page's own RSS feed (a topic's, an author's), offered beside the site's.</summary>
    public string? FeedPath { get; set; }

    public string? FeedTitle { get; set; }
}
