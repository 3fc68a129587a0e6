using System.Globalization;
using System.Text;
using System.Xml;

namespace Dateline.Features.Import.Wxr;

/// <summary>
/// Writes WXR 1.2 as WordPress's own exporter lays it out: the channel's facts, authors,
/// categories and tags, then one item per post or attachment with its terms, meta and comments.
/// It writes the same records <see cref="WxrReader"/> reads, one at a time, straight to the stream.
/// </summary>
public sealed class WxrWriter : IDisposable
{
    public const string Version = "1.2";
    private const string WpNs = "http://wordpress.org/export/1.2/";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string ExcerptNs = "http://wordpress.org/export/1.2/excerpt/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string WfwNs = "http://wellformedweb.org/CommentAPI/";
    private const string NoDate = "0000-00-00 00:00:00";

    private readonly XmlWriter xml;

    public WxrWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        xml = XmlWriter.Create(stream, new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "\t",
            // Text is cleaned of characters XML cannot hold before it is written (see Clean).
            CheckCharacters = true,
        });
    }

    /// <summary>Opens the document and writes the channel's facts; call once, first.</summary>
    public void Start(WxrSite site, string link, string? description, DateTime generatedAt)
    {
        ArgumentNullException.ThrowIfNull(site);
        xml.WriteStartDocument();
        xml.WriteComment(" This is a WordPress eXtended RSS file (WXR 1.2), written by Dateline for WordPress's importer and for Dateline's own. ");
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "excerpt", null, ExcerptNs);
        xml.WriteAttributeString("xmlns", "content", null, ContentNs);
        xml.WriteAttributeString("xmlns", "wfw", null, WfwNs);
        xml.WriteAttributeString("xmlns", "dc", null, DcNs);
        xml.WriteAttributeString("xmlns", "wp", null, WpNs);
        xml.WriteStartElement("channel");
        Text("title", site.Title ?? "");
        Text("link", link);
        Text("description", description ?? "");
        Text("pubDate", generatedAt.ToString("R", CultureInfo.InvariantCulture));
        Text("language", site.Language ?? "en");
        Wp("wxr_version", Version);
        Wp("base_site_url", site.BaseSiteUrl ?? link);
        Wp("base_blog_url", site.BaseBlogUrl ?? link);
    }

    public void Write(WxrAuthor author)
    {
        ArgumentNullException.ThrowIfNull(author);
        xml.WriteStartElement("wp", "author", WpNs);
        Wp("author_id", Number(author.Id ?? 0));
        WpData("author_login", author.Login);
        WpData("author_email", author.Email ?? "");
        WpData("author_display_name", author.DisplayName ?? author.Login);
        WpData("author_first_name", author.FirstName ?? "");
        WpData("author_last_name", author.LastName ?? "");
        xml.WriteEndElement();
    }

    /// <summary>A category or a tag (taxonomy "category" or "post_tag").</summary>
    public void Write(WxrTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var category = term.Taxonomy == "category";
        xml.WriteStartElement("wp", category ? "category" : "tag", WpNs);
        Wp("term_id", Number(term.Id ?? 0));
        if (category)
        {
            WpData("category_nicename", term.Slug);
            WpData("category_parent", term.ParentSlug ?? "");
            WpData("cat_name", term.Name);
            WpData("category_description", term.Description ?? "");
        }
        else
        {
            WpData("tag_slug", term.Slug);
            WpData("tag_name", term.Name);
            WpData("tag_description", term.Description ?? "");
        }

        xml.WriteEndElement();
    }

    public void Write(WxrItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        xml.WriteStartElement("item");
        Data("title", item.Title);
        Text("link", item.Link ?? "");
        Text("pubDate", item.DateGmt is { } published && item.Status is "publish" or "future" or "inherit" ? published.ToString("R", CultureInfo.InvariantCulture) : "");
        xml.WriteStartElement("dc", "creator", DcNs);
        CData(item.Creator ?? "");
        xml.WriteEndElement();
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString(Clean(item.Identifier ?? ""));
        xml.WriteEndElement();
        Text("description", "");
        xml.WriteStartElement("content", "encoded", ContentNs);
        CData(item.Content);
        xml.WriteEndElement();
        xml.WriteStartElement("excerpt", "encoded", ExcerptNs);
        CData(item.Excerpt);
        xml.WriteEndElement();
        Wp("post_id", item.PostId ?? "0");
        WpData("post_date", Date(item.DateLocal));
        WpData("post_date_gmt", Date(item.DateGmt));
        WpData("comment_status", item.CommentStatus ?? "closed");
        WpData("ping_status", "closed");
        WpData("post_name", item.Slug ?? "");
        WpData("status", item.Status);
        Wp("post_parent", item.ParentId ?? "0");
        Wp("menu_order", "0");
        WpData("post_type", item.PostType);
        WpData("post_password", "");
        Wp("is_sticky", "0");
        if (item.AttachmentUrl is { } url)
        {
            WpData("attachment_url", url);
        }

        foreach (var term in item.Terms)
        {
            xml.WriteStartElement("category");
            xml.WriteAttributeString("domain", term.Taxonomy);
            xml.WriteAttributeString("nicename", Clean(term.Slug));
            CData(term.Name);
            xml.WriteEndElement();
        }

        Metas("postmeta", item.Meta);
        foreach (var comment in item.Comments)
        {
            xml.WriteStartElement("wp", "comment", WpNs);
            Wp("comment_id", comment.Id);
            WpData("comment_author", comment.Author ?? "");
            WpData("comment_author_email", comment.AuthorEmail ?? "");
            Wp("comment_author_url", comment.AuthorUrl ?? "");
            WpData("comment_author_IP", comment.AuthorIp ?? "");
            WpData("comment_date", Date(comment.DateLocal));
            WpData("comment_date_gmt", Date(comment.DateGmt));
            WpData("comment_content", comment.Content);
            WpData("comment_approved", comment.Approved);
            WpData("comment_type", comment.Type ?? "comment");
            Wp("comment_parent", comment.ParentId ?? "0");
            Wp("comment_user_id", "0");
            Metas("commentmeta", comment.Meta);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Closes the channel and the document.</summary>
    public void Finish()
    {
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
    }

    public void Dispose() => xml.Dispose();

    /// <summary>
    /// The text without what XML 1.0 cannot hold (most control characters, lone surrogates),
    /// which a database may well contain; WordPress's importer would refuse the whole file for one.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Valid(text, i, out var pair))
            {
                bad = i;
                break;
            }

            i += pair ? 1 : 0;
        }

        if (bad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length).Append(text, 0, bad);
        for (var i = bad; i < text.Length; i++)
        {
            if (Valid(text, i, out var pair))
            {
                clean.Append(text, i, pair ? 2 : 1);
                i += pair ? 1 : 0;
            }
        }

        return clean.ToString();
    }

    private static bool Valid(string text, int i, out bool pair)
    {
        pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        return pair || XmlConvert.IsXmlChar(text[i]);
    }

    private static string Date(DateTime? value) => value is { } d ? d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : NoDate;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Metas(string element, IReadOnlyList<WxrMeta> metas)
    {
        foreach (var meta in metas)
        {
            xml.WriteStartElement("wp", element, WpNs);
            WpData("meta_key", meta.Key);
            WpData("meta_value", meta.Value);
            xml.WriteEndElement();
        }
    }

    private void Text(string name, string value) => xml.WriteElementString(name, Clean(value));

    private void Data(string name, string value)
    {
        xml.WriteStartElement(name);
        CData(value);
        xml.WriteEndElement();
    }

    private void Wp(string name, string value) => xml.WriteElementString("wp", name, WpNs, Clean(value));

    private void WpData(string name, string value)
    {
        xml.WriteStartElement("wp", name, WpNs);
        CData(value);
        xml.WriteEndElement();
    }

    // "]]>" cannot sit inside one CDATA section; WordPress splits it across two the same way.
    private void CData(string value)
    {
        var text = Clean(value);
        var start = 0;
        for (var end = text.IndexOf("]]>", StringComparison.Ordinal); end >= 0; end = text.IndexOf("]]>", start, StringComparison.Ordinal))
        {
            xml.WriteCData(text[start..(end + 2)]);
            start = end + 2;
        }

        xml.WriteCData(text[start..]);
    }
}
