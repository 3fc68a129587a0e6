using System.Globalization;
using System.Xml;

namespace Dateline.Features.Feeds;

/// <summary>Articles as RSS 2.0, with Dublin Core authors, full content and Media RSS images.</summary>
public static class RssArticleWriter
{
    public const string ContentType = "application/rss+xml; charset=utf-8";

    public static byte[] Write(ArticleFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return FeedXml.Rss(feed.Channel, xml =>
        {
            foreach (var entry in feed.Entries)
            {
                WriteItem(xml, feed, entry);
            }
        });
    }

    private static void WriteItem(XmlWriter xml, ArticleFeed feed, FeedEntry entry)
    {
        var url = feed.Url(entry);
        xml.WriteStartElement("item");
        xml.WriteElementString("title", entry.Headline);
        xml.WriteElementString("link", url);
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "true");
        xml.WriteString(url);
        xml.WriteEndElement();
        xml.WriteElementString("pubDate", FeedDates.Rfc822(entry.PublishedAt, feed.Channel.Zone));
        foreach (var author in entry.Authors)
        {
            xml.WriteElementString("dc", "creator", FeedXml.DcNamespace, author.Name);
        }

        if (entry.Section is { } section)
        {
            xml.WriteElementString("category", section.Name);
        }

        foreach (var topic in entry.Topics)
        {
            xml.WriteStartElement("category");
            xml.WriteAttributeString("domain", feed.TopicUrl(topic.Slug));
            xml.WriteString(topic.Name);
            xml.WriteEndElement();
        }

        if (!string.IsNullOrEmpty(entry.Dek))
        {
            // An item's description is HTML to feed readers; the dek is plain text.
            xml.WriteElementString("description", System.Net.WebUtility.HtmlEncode(entry.Dek));
        }

        if (feed.FullContent)
        {
            xml.WriteElementString("content", "encoded", FeedXml.ContentNamespace, entry.BodyHtml);
        }

        if (entry.Image is { } image)
        {
            // RSS 2.0's enclosure requires the length in bytes, which is known only for the
            // media library's own copies; Media RSS describes every image, wherever it is.
            if (image.File is { } file)
            {
                xml.WriteStartElement("enclosure");
                xml.WriteAttributeString("url", feed.Absolute(image.Url));
                xml.WriteAttributeString("length", file.Length.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("type", file.Type);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("media", "content", FeedXml.MediaNamespace);
            xml.WriteAttributeString("url", feed.Absolute(image.Url));
            xml.WriteAttributeString("medium", "image");
            if (image.File is { } known)
            {
                xml.WriteAttributeString("type", known.Type);
                xml.WriteAttributeString("fileSize", known.Length.ToString(CultureInfo.InvariantCulture));
            }

            if (image.Width is { } width && image.Height is { } height)
            {
                xml.WriteAttributeString("width", width.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("height", height.ToString(CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrEmpty(image.Caption ?? image.Alt))
            {
                xml.WriteStartElement("media", "description", FeedXml.MediaNamespace);
                xml.WriteAttributeString("type", "plain");
                xml.WriteString(image.Caption ?? image.Alt);
                xml.WriteEndElement();
            }

            if (!string.IsNullOrEmpty(image.Credit))
            {
                xml.WriteElementString("media", "credit", FeedXml.MediaNamespace, image.Credit);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }
}
