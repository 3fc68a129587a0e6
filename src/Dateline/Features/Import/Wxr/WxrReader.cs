using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Dateline.Features.Import.Wxr;

/// <summary>
/// Reads a WordPress export (WXR 1.0 to 1.2) as a stream: the channel's facts, then each author,
/// term and item as it comes, one element in memory at a time, so that a file of a gigabyte
/// needs no more memory than its largest post. Malformed XML stops the read with its line and
/// column; an item that is well-formed but odd is handed on for the importer to judge.
/// </summary>
public sealed partial class WxrReader : IDisposable
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";

    private readonly XmlReader reader;
    private readonly Func<string, bool>? wantItem;
    private readonly Queue<WxrRecord> pending = new();
    private int channelDepth = -1;
    private bool done;
    private WxrSite? site;
    private string? version;
    private string? wpNamespace;
    private string? title;
    private string? baseSiteUrl;
    private string? baseBlogUrl;
    private string? language;

    /// <param name="wantItem">
    /// Which items, by post type, to hand on; the others are checked for well-formedness but not
    /// read (a first pass that only looks for attachments and pages need not read every post).
    /// </param>
    public WxrReader(Stream stream, Func<string, bool>? wantItem = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.wantItem = wantItem;
        reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            // No DTD and no resolver: an export never needs them, and they are how XML files
            // reach for other files or expand into gigabytes.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            // WordPress writes control characters it was given into its exports as they are.
            CheckCharacters = false,
        });
    }

    /// <summary>Where the reader is in the file, for progress.</summary>
    public int Line => (reader as IXmlLineInfo)?.LineNumber ?? 0;

    /// <summary>Every record in file order; throws <see cref="ImportFormatException"/> when the file is not WXR or not well-formed.</summary>
    public IEnumerable<WxrRecord> Records()
    {
        while (Next() is { } record)
        {
            yield return record;
        }
    }

    public void Dispose() => reader.Dispose();

    private WxrRecord? Next()
    {
        try
        {
            while (pending.Count == 0 && !done)
            {
                Advance();
            }

            return pending.Count > 0 ? pending.Dequeue() : null;
        }
        catch (XmlException e) when (reader.NodeType == XmlNodeType.DocumentType || e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new ImportFormatException("it declares a DTD (<!DOCTYPE …>), which WordPress exports never do; refused, as DTDs can reach for other files.", e);
        }
        catch (XmlException e) when (channelDepth < 0 && reader.NodeType is XmlNodeType.None or XmlNodeType.XmlDeclaration)
        {
            throw new ImportFormatException("the file is empty or has no XML; it is not a WordPress export (WXR).", e);
        }
        catch (XmlException e)
        {
            throw new ImportFormatException($"not well-formed XML at line {e.LineNumber}, column {e.LinePosition}: {ImportFormatException.ReasonOf(e)}", e);
        }
    }

    private void Advance()
    {
        if (channelDepth < 0)
        {
            FindChannel();
            return;
        }

        if (reader.EOF || (reader.NodeType == XmlNodeType.EndElement && reader.Depth == channelDepth))
        {
            EmitSite();
            // The rest of the document still has to be well-formed.
            while (reader.Read())
            {
            }

            done = true;
            return;
        }

        if (reader.NodeType != XmlNodeType.Element || reader.Depth != channelDepth + 1)
        {
            reader.Read();
            return;
        }

        var line = Line;
        var ns = reader.NamespaceURI;
        var name = reader.LocalName;
        if (ns.Length == 0 && name is "title" or "link" or "language")
        {
            var value = reader.ReadElementContentAsString();
            if (name == "title")
            {
                title = value;
            }
            else if (name == "language")
            {
                language = value;
            }

            return;
        }

        if (IsWp(ns) && name is "wxr_version" or "base_site_url" or "base_blog_url")
        {
            wpNamespace ??= ns;
            var value = reader.ReadElementContentAsString().Trim();
            switch (name)
            {
                case "wxr_version": version = value; break;
                case "base_site_url": baseSiteUrl = value; break;
                default: baseBlogUrl = value; break;
            }

            return;
        }

        if ((ns.Length == 0 && name == "item") || (IsWp(ns) && name is "author" or "category" or "tag" or "term"))
        {
            wpNamespace ??= IsWp(ns) ? ns : null;
            EmitSite();
            var element = (XElement)XNode.ReadFrom(reader);
            if (name == "item" && wantItem is not null && !wantItem(Blank(WpFields(element).GetValueOrDefault("post_type")) ?? "post"))
            {
                return;
            }

            pending.Enqueue(name switch
            {
                "item" => ReadItem(element, line),
                "author" => ReadAuthor(element, line),
                _ => ReadTerm(element, name, line),
            });
            return;
        }

        reader.Skip();
    }

    private void FindChannel()
    {
        if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "rss")
        {
            throw new ImportFormatException(reader.EOF
                ? "the file is empty; it is not a WordPress export (WXR)."
                : $"this is not a WordPress export (WXR): its root element is <{reader.Name}>, not <rss>.");
        }

        // The namespace declared for "wp:" on the root says which version wrote the file.
        wpNamespace = reader.GetAttribute("xmlns:wp");
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "channel" && reader.Depth == 1)
            {
                channelDepth = reader.Depth;
                reader.Read();
                return;
            }
        }

        throw new ImportFormatException("this is not a WordPress export (WXR): it has no <channel>.");
    }

    private void EmitSite()
    {
        if (site is not null)
        {
            return;
        }

        // WordPress refuses a file without a version number unless its namespace is 1.0's,
        // whose early exports did not write one.
        var declared = wpNamespace is not null ? WpVersion().Match(wpNamespace) : Match.Empty;
        if (version is null)
        {
            if (!declared.Success || declared.Groups[1].Value != "1.0")
            {
                throw new ImportFormatException("this does not appear to be a WordPress export (WXR): it has no WXR version number (wp:wxr_version).");
            }

            version = "1.0";
        }
        else if (!double.TryParse(version, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
        {
            throw new ImportFormatException($"this does not appear to be a WordPress export (WXR): its WXR version number is \"{version}\", not a number.");
        }

        site = new WxrSite(1, version, title, baseSiteUrl, baseBlogUrl, language);
        pending.Enqueue(site);
    }

    private static WxrAuthor ReadAuthor(XElement e, int line)
    {
        var login = Wp(e, "author_login") ?? "";
        return new WxrAuthor(line, Int(Wp(e, "author_id")), login.Trim(), Blank(Wp(e, "author_email")), Blank(Wp(e, "author_display_name")),
            Blank(Wp(e, "author_first_name")), Blank(Wp(e, "author_last_name")));
    }

    private static WxrTerm ReadTerm(XElement e, string kind, int line) => kind switch
    {
        "category" => new WxrTerm(line, Int(Wp(e, "term_id")), "category", Wp(e, "category_nicename")?.Trim() ?? "", Wp(e, "cat_name") ?? "",
            Blank(Wp(e, "category_parent")), Blank(Wp(e, "category_description"))),
        "tag" => new WxrTerm(line, Int(Wp(e, "term_id")), "post_tag", Wp(e, "tag_slug")?.Trim() ?? "", Wp(e, "tag_name") ?? "",
            null, Blank(Wp(e, "tag_description"))),
        _ => new WxrTerm(line, Int(Wp(e, "term_id")), Wp(e, "term_taxonomy")?.Trim() ?? "", Wp(e, "term_slug")?.Trim() ?? "", Wp(e, "term_name") ?? "",
            Blank(Wp(e, "term_parent")), Blank(Wp(e, "term_description"))),
    };

    private static WxrItem ReadItem(XElement e, int line)
    {
        var terms = new List<WxrItemTerm>();
        foreach (var category in e.Elements("category"))
        {
            // WXR 1.0 wrote each term twice, once without its slug; the one with it is the term.
            if (category.Attribute("nicename")?.Value is not { Length: > 0 } slug)
            {
                continue;
            }

            var domain = category.Attribute("domain")?.Value ?? "category";
            terms.Add(new WxrItemTerm(domain == "tag" ? "post_tag" : domain, slug, category.Value));
        }

        var comments = e.Elements().Where(c => IsWp(c.Name.NamespaceName) && c.Name.LocalName == "comment").Select(c =>
        {
            var wp = WpFields(c);
            return new WxrComment(
                wp.GetValueOrDefault("comment_id")?.Trim() ?? "",
                wp.GetValueOrDefault("comment_author"),
                Blank(wp.GetValueOrDefault("comment_author_email")),
                Blank(wp.GetValueOrDefault("comment_author_url")),
                Blank(wp.GetValueOrDefault("comment_author_IP")),
                Date(wp.GetValueOrDefault("comment_date_gmt")),
                Date(wp.GetValueOrDefault("comment_date")),
                wp.GetValueOrDefault("comment_content") ?? "",
                wp.GetValueOrDefault("comment_approved")?.Trim() ?? "1",
                Blank(wp.GetValueOrDefault("comment_type")),
                Blank(wp.GetValueOrDefault("comment_parent")) is { } parent && parent != "0" ? parent : null,
                Metas(c, "commentmeta"));
        }).ToList();

        var fields = WpFields(e);
        return new WxrItem(
            line,
            Blank(fields.GetValueOrDefault("post_id")),
            e.Element("title")?.Value ?? "",
            Blank(e.Element("link")?.Value),
            Blank(e.Element("guid")?.Value),
            Blank(e.Element(XName.Get("creator", DcNs))?.Value),
            e.Element(XName.Get("encoded", ContentNs))?.Value ?? "",
            e.Elements().FirstOrDefault(x => x.Name.LocalName == "encoded" && x.Name.NamespaceName.EndsWith("/excerpt/", StringComparison.Ordinal))?.Value ?? "",
            Date(fields.GetValueOrDefault("post_date_gmt")),
            Date(fields.GetValueOrDefault("post_date")),
            Blank(fields.GetValueOrDefault("comment_status")),
            Blank(fields.GetValueOrDefault("post_name")),
            Blank(fields.GetValueOrDefault("status")) ?? "publish",
            Blank(fields.GetValueOrDefault("post_parent")) is { } parent && parent != "0" ? parent : null,
            Blank(fields.GetValueOrDefault("post_type")) ?? "post",
            Blank(fields.GetValueOrDefault("attachment_url")),
            terms,
            Metas(e, "postmeta"),
            comments);
    }

    /// <summary>
    /// The text of each wp: child of an element by its name, the first where a name repeats (as
    /// looking each up in turn gave): one walk over the children instead of one per field.
    /// </summary>
    private static Dictionary<string, string> WpFields(XElement e)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in e.Elements())
        {
            var name = child.Name.LocalName;
            if (name is not ("comment" or "postmeta" or "commentmeta") && IsWp(child.Name.NamespaceName) && !fields.ContainsKey(name))
            {
                fields[name] = child.Value;
            }
        }

        return fields;
    }

    private static List<WxrMeta> Metas(XElement e, string name) =>
        [.. e.Elements().Where(m => IsWp(m.Name.NamespaceName) && m.Name.LocalName == name)
            .Select(m => new WxrMeta(Wp(m, "meta_key") ?? "", Wp(m, "meta_value") ?? ""))];

    private static string? Wp(XElement e, string name) =>
        e.Elements().FirstOrDefault(x => x.Name.LocalName == name && IsWp(x.Name.NamespaceName))?.Value;

    // The same few namespace strings come back for every element; matching each against the
    // pattern every time was a noticeable part of reading a large file.
    private static bool IsWp(string ns)
    {
        if (ReferenceEquals(ns, lastWp))
        {
            return true;
        }

        if (!WpVersion().IsMatch(ns))
        {
            return false;
        }

        lastWp = ns;
        return true;
    }

    [ThreadStatic]
    private static string? lastWp;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static int? Int(string? value) => int.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    // WordPress writes "0000-00-00 00:00:00" for a date it does not have (a draft's GMT date).
    private static DateTime? Date(string? value) =>
        DateTime.TryParseExact(value?.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    [GeneratedRegex(@"^https?://wordpress\.org/export/(\d+\.\d+)/$")]
    private static partial Regex WpVersion();
}
