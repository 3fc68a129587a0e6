using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dateline.TestSupport;

/// <summary>
/// The rules of RSS 2.0 and Atom 1.0 that XML Schema 1.0 cannot express: how many times an
/// element may appear among children in any order, rules that depend on other elements or
/// attributes, dates that must exist, and URLs that must be absolute. <see cref="FeedValidator"/>
/// runs these after the schemas; each returns every violation as "where: what".
/// </summary>
public static partial class FeedRules
{
    // Properties, not fields: the partial class's other files build names from them in their own
    // initializers, whose order against these is not defined.
    private static XNamespace AtomNs => XNamespace.Get("http://www.w3.org/2005/Atom");
    private static XNamespace MediaNs => XNamespace.Get("http://search.yahoo.com/mrss/");
    private static XNamespace XhtmlNs => XNamespace.Get("http://www.w3.org/1999/xhtml");

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["http://www.w3.org/2005/Atom"] = "atom",
        ["http://purl.org/dc/elements/1.1/"] = "dc",
        ["http://purl.org/rss/1.0/modules/content/"] = "content",
        ["http://search.yahoo.com/mrss/"] = "media",
        ["http://www.w3.org/1999/xhtml"] = "xhtml",
        ["http://www.w3.org/XML/1998/namespace"] = "xml",
    };

    /// <summary>Where a node is: "/rss/channel/item[2]/pubDate", "/atom:feed/atom:link[3]/@href".</summary>
    public static string PathOf(XObject? node) => node switch
    {
        XAttribute attribute => $"{PathOf(attribute.Parent)}/@{Label(attribute.Name)}",
        XElement element => $"{(element.Parent is { } parent ? PathOf(parent) : "")}/{Label(element.Name)}{Position(element)}",
        XNode { Parent: { } parent } => PathOf(parent),
        _ => "/",
    };

    /// <summary>A name as the messages show it: "title", "atom:id", "dc:creator", "{urn:x}thing".</summary>
    public static string Label(XName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Namespace == XNamespace.None)
        {
            return name.LocalName;
        }

        return Prefixes.TryGetValue(name.NamespaceName, out var prefix) ? $"{prefix}:{name.LocalName}" : name.ToString();
    }

    private static string Position(XElement element)
    {
        if (element.Parent is not { } parent)
        {
            return "";
        }

        var same = parent.Elements(element.Name).ToList();
        return same.Count > 1 ? $"[{same.IndexOf(element) + 1}]" : "";
    }

    /// <summary>Reports a child that appears fewer than <paramref name="min"/> or more than <paramref name="max"/> times.</summary>
    private static void Count(XElement parent, XName name, int min, int max, List<string> errors)
    {
        var count = parent.Elements(name).Count();
        if (count < min)
        {
            errors.Add($"{PathOf(parent)}: {Label(name)} is required");
        }
        else if (count > max)
        {
            errors.Add($"{PathOf(parent)}: {Label(name)} may appear only once, found {count}");
        }
    }

    private static void Once(XElement parent, IEnumerable<XName> names, List<string> errors)
    {
        foreach (var name in names)
        {
            Count(parent, name, 0, 1, errors);
        }
    }

    private static void Exactly(XElement parent, IEnumerable<XName> names, List<string> errors)
    {
        foreach (var name in names)
        {
            Count(parent, name, 1, 1, errors);
        }
    }

    /// <summary>
    /// A URL or IRI that a reader can use wherever it finds the feed: absolute, or relative to an
    /// absolute xml:base in scope. The document's own address counts for nothing, since a feed
    /// is copied, cached and aggregated away from it (RSS readers do not resolve relative links
    /// at all).
    /// </summary>
    private static void AbsoluteUrl(XObject node, string? value, List<string> errors)
    {
        if (value is null || IsAbsolute(value.Trim()))
        {
            return;
        }

        var element = node as XElement ?? node.Parent;
        var hasBase = element?.AncestorsAndSelf().Any(e => e.Attribute(XNamespace.Xml + "base") is { } b && IsAbsolute(b.Value.Trim())) ?? false;
        if (!hasBase)
        {
            errors.Add($"{PathOf(node)}: '{value}' is not an absolute URL");
        }
    }

    private static void AbsoluteText(XElement parent, XName child, List<string> errors)
    {
        foreach (var element in parent.Elements(child))
        {
            AbsoluteUrl(element, element.Value, errors);
        }
    }

    private static void AbsoluteAttribute(XElement parent, XName child, XName attribute, List<string> errors)
    {
        foreach (var element in parent.Elements(child))
        {
            if (element.Attribute(attribute) is { } value)
            {
                AbsoluteUrl(value, value.Value, errors);
            }
        }
    }

    // On Unix, Uri.TryCreate takes "/feed/" for an absolute file path; an absolute URL starts with a scheme.
    private static bool IsAbsolute(string value) =>
        Scheme().IsMatch(value) && !value.Any(char.IsWhiteSpace) && Uri.TryCreate(value, UriKind.Absolute, out _);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Scheme();
}
