using System.Xml.Linq;

namespace Dateline.TestSupport;

/// <summary>Atom 1.0 (RFC 4287) beyond what atom.xsd checks.</summary>
public static partial class FeedRules
{
    private static readonly XName Id = AtomNs + "id";
    private static readonly XName Title = AtomNs + "title";
    private static readonly XName Updated = AtomNs + "updated";
    private static readonly XName Author = AtomNs + "author";
    private static readonly XName Link = AtomNs + "link";
    private static readonly XName Content = AtomNs + "content";
    private static readonly XName Summary = AtomNs + "summary";
    private static readonly XName Source = AtomNs + "source";

    // Section 4.2.11: a source carries the feed's metadata, each at most once and none required.
    private static readonly XName[] FeedOnce = [.. new[] { "generator", "icon", "logo", "rights", "subtitle" }.Select(n => AtomNs + n)];
    private static readonly XName[] EntryOnce = [.. new[] { "content", "published", "rights", "source", "summary" }.Select(n => AtomNs + n)];
    private static readonly XName[] TextConstructs = [.. new[] { "title", "subtitle", "summary", "rights" }.Select(n => AtomNs + n)];

    public static IReadOnlyList<string> Atom(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        if (document.Root is not { } feed || feed.Name != AtomNs + "feed")
        {
            errors.Add($"/: the root element must be atom:feed ({AtomNs.NamespaceName}); found {(document.Root is { } r ? r.Name.ToString() : "none")}");
            return errors;
        }

        Exactly(feed, [Id, Title, Updated], errors);
        Once(feed, FeedOnce, errors);
        Metadata(feed, errors);
        var feedHasAuthor = feed.Elements(Author).Any();
        foreach (var entry in feed.Elements(AtomNs + "entry"))
        {
            Entry(entry, feedHasAuthor, errors);
        }

        return errors;
    }

    private static void Entry(XElement entry, bool feedHasAuthor, List<string> errors)
    {
        Exactly(entry, [Id, Title, Updated], errors);
        Once(entry, EntryOnce, errors);
        Metadata(entry, errors);
        // 4.1.2: an entry's authors may come from its source or, in a feed, the feed.
        if (!feedHasAuthor && !entry.Elements(Author).Any() && !entry.Elements(Source).Elements(Author).Any())
        {
            errors.Add($"{PathOf(entry)}: atom:author is required, since neither the feed nor the entry's atom:source has one");
        }

        var content = entry.Element(Content);
        if (content is null && !Alternates(entry).Any())
        {
            errors.Add($"{PathOf(entry)}: an entry without atom:content needs an atom:link with rel=\"alternate\"");
        }

        if (content is not null && (content.Attribute("src") is not null || IsBase64Type((string?)content.Attribute("type"))) && entry.Element(Summary) is null)
        {
            errors.Add($"{PathOf(entry)}: atom:summary is required when atom:content has a src or Base64 content");
        }

        if (content is not null)
        {
            ContentElement(content, errors);
        }

        foreach (var source in entry.Elements(Source))
        {
            Once(source, [Id, Title, Updated, .. FeedOnce], errors);
            Metadata(source, errors);
        }
    }

    /// <summary>What feeds, entries and sources share: text and person constructs, IRIs and links.</summary>
    private static void Metadata(XElement parent, List<string> errors)
    {
        foreach (var text in parent.Elements().Where(e => TextConstructs.Contains(e.Name)))
        {
            TextConstruct(text, (string?)text.Attribute("type") ?? "text", errors);
        }

        foreach (var person in parent.Elements().Where(e => e.Name == Author || e.Name == AtomNs + "contributor"))
        {
            Exactly(person, [AtomNs + "name"], errors);
            Once(person, [AtomNs + "uri", AtomNs + "email"], errors);
            AbsoluteText(person, AtomNs + "uri", errors);
        }

        // 4.2.6: "Its content MUST be an IRI ... Note that the definition of "IRI" excludes relative references."
        foreach (var id in parent.Elements(Id).Where(i => !IsAbsolute(i.Value.Trim())))
        {
            errors.Add($"{PathOf(id)}: '{id.Value}' is not an absolute IRI");
        }

        AbsoluteText(parent, AtomNs + "icon", errors);
        AbsoluteText(parent, AtomNs + "logo", errors);
        AbsoluteAttribute(parent, AtomNs + "generator", "uri", errors);
        AbsoluteAttribute(parent, AtomNs + "category", "scheme", errors);
        AbsoluteAttribute(parent, Link, "href", errors);
        // 4.1.1, 4.1.2: no two alternate links with the same type and hreflang.
        foreach (var twins in Alternates(parent).GroupBy(l => ((string?)l.Attribute("type"))?.ToLowerInvariant() + "|" + ((string?)l.Attribute("hreflang"))?.ToLowerInvariant()).Where(g => g.Count() > 1))
        {
            var first = twins.First();
            errors.Add($"{PathOf(parent)}: {twins.Count()} atom:link elements with rel=\"alternate\", type \"{(string?)first.Attribute("type")}\" and hreflang \"{(string?)first.Attribute("hreflang")}\"; at most one is allowed");
        }
    }

    // 4.2.7.2: a link without rel is an alternate link.
    private static IEnumerable<XElement> Alternates(XElement parent) =>
        parent.Elements(Link).Where(l => (string?)l.Attribute("rel") is null or "alternate" or "http://www.iana.org/assignments/relation/alternate");

    /// <summary>3.1.1: text and html hold no elements; xhtml holds exactly one xhtml:div.</summary>
    private static void TextConstruct(XElement text, string type, List<string> errors)
    {
        if (type is "text" or "html" && text.Elements().Any())
        {
            errors.Add($"{PathOf(text)}: a text construct of type \"{type}\" may not contain elements; escape the markup");
        }
        else if (type == "xhtml" && (text.Elements().Count() != 1 || text.Elements().Single().Name != XhtmlNs + "div"
            || text.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value))))
        {
            errors.Add($"{PathOf(text)}: a text construct of type \"xhtml\" must hold exactly one xhtml:div and nothing else");
        }
    }

    /// <summary>4.1.3.</summary>
    private static void ContentElement(XElement content, List<string> errors)
    {
        var type = (string?)content.Attribute("type") ?? "text";
        if (content.Attribute("src") is { } src)
        {
            AbsoluteUrl(src, src.Value, errors);
            if (content.Nodes().Any())
            {
                errors.Add($"{PathOf(content)}: atom:content with a src must be empty");
            }

            if (type is "text" or "html" or "xhtml")
            {
                errors.Add($"{PathOf(content)}: atom:content with a src must have a media type, not \"{type}\"");
            }

            return;
        }

        if (type is "text" or "html" or "xhtml")
        {
            TextConstruct(content, type, errors);
        }
        else if (type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && content.Elements().Any())
        {
            errors.Add($"{PathOf(content)}: atom:content of type \"{type}\" may not contain elements");
        }
        else if (IsBase64Type(type) && (content.Elements().Any() || !Convert.TryFromBase64String(string.Concat(content.Value.Where(c => !char.IsWhiteSpace(c))), new byte[content.Value.Length], out _)))
        {
            errors.Add($"{PathOf(content)}: atom:content of type \"{type}\" must be Base64");
        }
    }

    /// <summary>A media type that is neither text nor XML, whose content must be Base64 (4.1.3.3, item 6).</summary>
    private static bool IsBase64Type(string? type)
    {
        if (type is null or "text" or "html" or "xhtml")
        {
            return false;
        }

        var bare = type.Split(';')[0].Trim();
        return !bare.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            && !bare.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
            && !bare.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }
}
