using System.Text.Json.Nodes;

namespace Dateline.Web;

/// <summary>
/// What a page tells the layout about itself, per request. The layout turns it into the head's
/// canonical link, Open Graph and Twitter card tags and JSON-LD, so that pages set values rather
/// than write tags, and no tag is written twice.
/// </summary>
public sealed class PageMeta
{
    public string? Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Path of the canonical URL; made absolute by the layout. Also the page's og:url.</summary>
    public string? CanonicalPath { get; set; }

    /// <summary>Keeps the page out of search engines (errors, deep pages of a list).</summary>
    public bool NoIndex { get; set; }

    /// <summary>Path of this page's own RSS feed (a topic's, an author's), offered beside the site's.</summary>
    public string? FeedPath { get; set; }

    public string? FeedTitle { get; set; }

    /// <summary>Whether Atom and JSON Feed versions sit beside <see cref="FeedPath"/> (feed/atom/, feed.json).</summary>
    public bool FeedInEveryFormat { get; set; }

    /// <summary>The Open Graph type: "article" for an article, "website" for everything else.</summary>
    public string OgType { get; set; } = "website";

    /// <summary>The picture that stands for the page when it is shared; none by default.</summary>
    public PageImage? Image { get; set; }

    /// <summary>The trail from the home page to this page, written as a schema.org BreadcrumbList.</summary>
    public IList<Crumb> Breadcrumbs { get; } = [];

    /// <summary>Further schema.org objects describing the page, each written as its own JSON-LD block.</summary>
    public IList<JsonObject> StructuredData { get; } = [];

    /// <summary>
    /// Forgets what an earlier page of the same request said: an error page re-executed after a
    /// page began must not carry that page's canonical URL or article tags.
    /// </summary>
    public void Clear()
    {
        Title = null;
        Description = null;
        CanonicalPath = null;
        NoIndex = false;
        FeedPath = null;
        FeedTitle = null;
        FeedInEveryFormat = false;
        OgType = "website";
        Image = null;
        Breadcrumbs.Clear();
        StructuredData.Clear();
    }
}
