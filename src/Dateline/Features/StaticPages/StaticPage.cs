namespace Dateline.Features.StaticPages;

/// <summary>
/// A page that is not news ("About us", "Ethics policy"), served at its own path ("/about-us/",
/// "/about-us/ethics/") as WordPress serves its pages. Brought in by an import; it has no byline,
/// topics or comments.
/// </summary>
public sealed class StaticPage
{
    public const int MaxPath = 300;
    public const int MaxTitle = 300;

    public int Id { get; set; }
    public required string Title { get; set; }

    /// <summary>The path without its slashes at either end, in lower case: "about-us" or "about-us/ethics".</summary>
    public required string Path { get; set; }

    public string BodyMarkdown { get; set; } = "";

    // Rendered and sanitized on save, as an article's body is.
    public string BodyHtml { get; set; } = "";

    /// <summary>Null while it is a draft; a page shows from this time on.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>What the page was where it came from ("https://site/?page_id=12" for WordPress), so that a second import finds it.</summary>
    public string? OriginalId { get; set; }
}
