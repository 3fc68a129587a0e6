using System.Text;
using System.Xml;
using Dateline.Features.Articles;
using Dateline.Features.Feeds;

namespace Dateline.Features.Sitemaps;

/// <summary>
/// Sitemaps (sitemaps.org 0.9) and the Google News sitemap, written with XmlWriter, which
/// escapes every string it is given. Times are W3C datetimes in the site's zone with its offset.
/// </summary>
public static class SitemapXml
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";
    public const string ContentType = "application/xml; charset=utf-8";

    private static readonly XmlWriterSettings StreamSettings = new() { Indent = true, Encoding = new UTF8Encoding(false), Async = true };

    /// <summary>A &lt;urlset&gt;, written to the stream as the URLs arrive.</summary>
    public static async Task WriteUrlSetAsync(Stream output, string baseUrl, TimeZoneInfo zone, IAsyncEnumerable<SitemapUrl> urls, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(urls);
        await using var xml = XmlWriter.Create(output, StreamSettings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", Namespace);
        await foreach (var url in urls.WithCancellation(ct))
        {
            await xml.WriteStartElementAsync(null, "url", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, baseUrl + url.Path);
            if (url.LastModifiedUtc is { } lastModified)
            {
                await xml.WriteElementStringAsync(null, "lastmod", Namespace, FeedDates.Rfc3339(lastModified, zone));
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
    }

    /// <summary>A &lt;sitemapindex&gt; of the given sitemaps (site-relative paths).</summary>
    public static byte[] Index(string baseUrl, TimeZoneInfo zone, IEnumerable<SitemapUrl> sitemaps)
    {
        ArgumentNullException.ThrowIfNull(sitemaps);
        return FeedXml.Write(xml =>
        {
            xml.WriteStartElement("sitemapindex", Namespace);
            foreach (var sitemap in sitemaps)
            {
                xml.WriteStartElement("sitemap", Namespace);
                xml.WriteElementString("loc", Namespace, baseUrl + sitemap.Path);
                if (sitemap.LastModifiedUtc is { } lastModified)
                {
                    xml.WriteElementString("lastmod", Namespace, FeedDates.Rfc3339(lastModified, zone));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>A Google News sitemap: each article with its publication (the site), publication time and headline.</summary>
    public static byte[] News(string baseUrl, TimeZoneInfo zone, string publication, string language, IEnumerable<NewsEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return FeedXml.Write(xml =>
        {
            xml.WriteStartElement("urlset", Namespace);
            xml.WriteAttributeString("xmlns", "news", null, NewsNamespace);
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url", Namespace);
                xml.WriteElementString("loc", Namespace, baseUrl + ArticlePaths.Of(entry.PathDate, entry.Slug));
                xml.WriteStartElement("news", "news", NewsNamespace);
                xml.WriteStartElement("news", "publication", NewsNamespace);
                xml.WriteElementString("news", "name", NewsNamespace, publication);
                xml.WriteElementString("news", "language", NewsNamespace, language);
                xml.WriteEndElement();
                xml.WriteElementString("news", "publication_date", NewsNamespace, FeedDates.Rfc3339(entry.PublishedAt, zone));
                xml.WriteElementString("news", "title", NewsNamespace, entry.Headline);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }
}
