using System.Globalization;
using System.Xml;

namespace Dateline.Features.Feeds;

/// <summary>Articles as Atom 1.0 (RFC 4287).</summary>
public static class AtomArticleWriter
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <param name="now">The feed's updated time when it has no entries (Atom requires one).</param>
    public static byte[] Write(ArticleFeed feed, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var channel = feed.Channel;
        return FeedXml.Write(xml =>
        {
            xml.WriteStartElement("feed", FeedXml.AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, channel.Language);
            xml.WriteElementString("title", FeedXml.AtomNamespace, channel.Title);
            if (!string.IsNullOrEmpty(channel.Description))
            {
                xml.WriteElementString("subtitle", FeedXml.AtomNamespace, channel.Description);
            }

            Link(xml, "alternate", channel.Link, "text/html");
            Link(xml, "self", channel.SelfUrl, "application/atom+xml");
            xml.WriteElementString("id", FeedXml.AtomNamespace, channel.Link);
            xml.WriteElementString("updated", FeedXml.AtomNamespace, FeedDates.Rfc3339(channel.Updated ?? now, channel.Zone));
            // Atom requires an author on each entry or on the feed; the site stands in for an
            // article without a byline.
            xml.WriteStartElement("author", FeedXml.AtomNamespace);
            xml.WriteElementString("name", FeedXml.AtomNamespace, channel.Title);
            xml.WriteEndElement();
            xml.WriteElementString("generator", FeedXml.AtomNamespace, FeedXml.Generator);
            foreach (var entry in feed.Entries)
            {
                WriteEntry(xml, feed, entry);
            }

            xml.WriteEndElement();
        });
    }

    private static void WriteEntry(XmlWriter xml, ArticleFeed feed, FeedEntry entry)
    {
        var ns = FeedXml.AtomNamespace;
        var url = feed.Url(entry);
        xml.WriteStartElement("entry", ns);
        Text(xml, "title", "text", entry.Headline);
        Link(xml, "alternate", url, "text/html");
        xml.WriteElementString("id", ns, url);
        xml.WriteElementString("published", ns, FeedDates.Rfc3339(entry.PublishedAt, feed.Channel.Zone));
        xml.WriteElementString("updated", ns, FeedDates.Rfc3339(entry.Modified, feed.Channel.Zone));
        foreach (var author in entry.Authors)
        {
            xml.WriteStartElement("author", ns);
            xml.WriteElementString("name", ns, author.Name);
            xml.WriteElementString("uri", ns, feed.AuthorUrl(author.Slug));
            xml.WriteEndElement();
        }

        if (entry.Section is { } section)
        {
            xml.WriteStartElement("category", ns);
            xml.WriteAttributeString("term", section.Name);
            xml.WriteEndElement();
        }

        foreach (var topic in entry.Topics)
        {
            xml.WriteStartElement("category", ns);
            xml.WriteAttributeString("term", topic.Name);
            xml.WriteAttributeString("scheme", feed.BaseUrl + "/topics/");
            xml.WriteEndElement();
        }

        if (!string.IsNullOrEmpty(entry.Dek))
        {
            Text(xml, "summary", "text", entry.Dek);
        }

        if (feed.FullContent)
        {
            Text(xml, "content", "html", entry.BodyHtml);
        }

        if (entry.Image is { } image)
        {
            xml.WriteStartElement("link", ns);
            xml.WriteAttributeString("rel", "enclosure");
            xml.WriteAttributeString("href", feed.Absolute(image.Url));
            if (image.File is { } file)
            {
                xml.WriteAttributeString("type", file.Type);
                xml.WriteAttributeString("length", file.Length.ToString(CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrEmpty(image.Caption ?? image.Alt))
            {
                xml.WriteAttributeString("title", image.Caption ?? image.Alt);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", FeedXml.AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string type, string text)
    {
        xml.WriteStartElement(name, FeedXml.AtomNamespace);
        xml.WriteAttributeString("type", type);
        xml.WriteString(text);
        xml.WriteEndElement();
    }
}
