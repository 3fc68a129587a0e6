namespace Dateline.Features.Sitemaps;

/// <summary>One &lt;url&gt; of a sitemap: a site-relative path and, when known, when what it shows last changed.</summary>
public sealed record SitemapUrl(string Path, DateTime? LastModifiedUtc);
