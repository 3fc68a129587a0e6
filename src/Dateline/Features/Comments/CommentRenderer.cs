using AngleSharp.Dom;
using Ganss.Xss;

namespace Dateline.Features.Comments;

/// <summary>
/// Turns a reader's comment into the HTML other readers see: paragraphs, line breaks, linked
/// URLs and a handful of inline tags. Everything a reader writes is hostile until proven
/// otherwise, so the markup goes through the sanitizer and nothing outside its allow-list
/// survives. Safe to share: the sanitizer is configured once and only read afterwards.
/// </summary>
public sealed class CommentRenderer
{
    private static readonly string[] AllowedTags = ["a", "b", "strong", "em", "i", "code", "blockquote", "q", "cite", "del", "abbr"];

    // Their content is code or another document, never prose, so it goes with the tag. Other
    // disallowed tags (div, span, font...) only lose the tag: their text is what the reader wrote.
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "iframe", "object", "embed", "svg", "math",
        "noscript", "noembed", "noframes", "applet", "frame", "frameset",
    };

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToHtml(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = CommentMarkup.Prepare(text);
        return string.IsNullOrWhiteSpace(html) ? "" : sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer { KeepChildNodes = true };
        Replace(sanitizer.AllowedTags, AllowedTags);
        Replace(sanitizer.AllowedAttributes, ["href", "title", "cite"]);
        Replace(sanitizer.UriAttributes, ["href", "cite"]);
        Replace(sanitizer.UriListAttributes, []);
        Replace(sanitizer.AllowedSchemes, ["http", "https", "mailto"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.RemovingTag += (_, e) => e.Cancel = RemoveTag(e.Tag);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
            {
                CommentElements.Enforce(element);
            }
        };
        sanitizer.PostProcessDom += (_, e) =>
        {
            if (e.Document.Body is { } body)
            {
                CommentElements.RemoveEmpty(body);
                body.Normalize();
                CommentAutoLinks.Apply(body);
                CommentParagraphs.Apply(body);
            }
        };
        return sanitizer;
    }

    /// <summary>Removes a disallowed tag in place of the sanitizer; returns true when it did.</summary>
    private static bool RemoveTag(IElement tag)
    {
        if (DroppedWithContent.Contains(tag.LocalName) || tag.NamespaceUri != NamespaceNames.HtmlUri)
        {
            tag.Remove();
            return true;
        }

        if (tag.Owner is not { } document)
        {
            return false;
        }

        // A reader who types <br> or <p> means a line or paragraph break; say it the way the
        // paragraph pass understands instead of letting the words run together.
        switch (tag.LocalName)
        {
            case "br":
                tag.Replace(document.CreateTextNode("\n"));
                return true;
            case "p":
                tag.Replace([document.CreateTextNode("\n\n"), .. tag.ChildNodes, document.CreateTextNode("\n\n")]);
                return true;
            default:
                return false;
        }
    }

    private static void Replace(ISet<string> set, string[] values)
    {
        set.Clear();
        set.UnionWith(values);
    }
}
