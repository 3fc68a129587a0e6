using System.Text;
using System.Xml;

namespace Dateline.Features.Feeds;

/// <summary>XML feeds are written with XmlWriter, which escapes every string it is given.</summary>
public static class FeedXml
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string DcNamespace = "http://purl.org/dc/elements/1.1/";
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    public const string MediaNamespace = "http://search.yahoo.com/mrss/";
    public const string Generator = "Dateline";

    /// <summary>UTF-8 bytes without a byte-order mark, declared as UTF-8.</summary>
    public static byte[] Write(Action<XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// An RSS 2.0 document: the channel's own elements, then the items. The namespaces of the
    /// modules items use are declared once on the root.
    /// </summary>
    public static byte[] Rss(FeedChannel channel, Action<XmlWriter> writeItems)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(writeItems);
        return Write(xml =>
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            xml.WriteAttributeString("xmlns", "dc", null, DcNamespace);
            xml.WriteAttributeString("xmlns", "content", null, ContentNamespace);
            xml.WriteAttributeString("xmlns", "media", null, MediaNamespace);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", channel.Title);
            xml.WriteElementString("link", channel.Link);
            xml.WriteStartElement("atom", "link", AtomNamespace);
            xml.WriteAttributeString("href", channel.SelfUrl);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            // RSS requires a description; an empty tagline falls back to the title.
            xml.WriteElementString("description", string.IsNullOrEmpty(channel.Description) ? channel.Title : channel.Description);
            xml.WriteElementString("language", channel.Language);
            if (channel.Updated is { } updated)
            {
                xml.WriteElementString("lastBuildDate", FeedDates.Rfc822(updated, channel.Zone));
            }

            xml.WriteElementString("generator", Generator);
            writeItems(xml);
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }
}
