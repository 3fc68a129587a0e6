using System.ComponentModel.DataAnnotations;
using Dateline.Data;

namespace Dateline;

/// <summary>
/// The "Dateline" configuration section; docs/configuration.md lists every key. SiteTitle,
/// Tagline, SiteUrl, TimeZone, Language and LogoUrl may be overridden by values saved on the newsroom's
/// Settings page, so code that shows them reads <c>IOptionsMonitor&lt;DatelineOptions&gt;.CurrentValue</c>.
/// </summary>
public sealed class DatelineOptions
{
    public const string Section = "Dateline";

    /// <summary>Data folder: the SQLite file and media. Relative paths are taken from the working directory.</summary>
    [Required]
    public string DataDir { get; set; } = "./data";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Public base URL for feeds, sitemaps and e-mails; unset means "from the request".</summary>
    [Url]
    public string? SiteUrl { get; set; }

    [Required]
    public string SiteTitle { get; set; } = "Dateline";

    public string? Tagline { get; set; } = "News, as it happens";

    /// <summary>IANA time zone in which dates are shown and article URL dates are fixed.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Site language, for the page's lang attribute and feeds.</summary>
    [Required]
    public string Language { get; set; } = "en";

    /// <summary>
    /// The publisher logo in structured data: a site path or an absolute URL; unset uses the
    /// logo.png Dateline ships with.
    /// </summary>
    public string? LogoUrl { get; set; }

    [Range(1, 100)]
    public int PageSize { get; set; } = 20;

    /// <summary>Comments one address may post per minute, beside the flood rule.</summary>
    [Range(1, 100_000)]
    public int CommentPostsPerMinute { get; set; } = 20;

    /// <summary>Whether public pages are served from the output cache; off to measure the cold path.</summary>
    public bool PageCache { get; set; } = true;

    public Features.Feeds.FeedsOptions Feeds { get; set; } = new();

    public string FullDataDir => Path.GetFullPath(DataDir);
}
