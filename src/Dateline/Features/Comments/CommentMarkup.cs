using System.Collections.Frozen;
using System.Text;

namespace Dateline.Features.Comments;

/// <summary>
/// Prepares a reader's text for the HTML parser. Readers mostly write prose, not markup, so a
/// <c>&lt;</c> or <c>&amp;</c> that cannot start real markup is escaped here: left to the parser,
/// <c>List&lt;T&gt;</c> would become an unknown element and vanish, and <c>?a=1&amp;copy=2</c>
/// would turn into <c>?a=1©=2</c>. This pass only ever adds escapes, so it cannot create markup
/// the sanitizer would not see; deciding what the markup means is left to the parser.
/// </summary>
internal static class CommentMarkup
{
    /// <summary>The longest body the comment form accepts (CommentLimits.Body); anything beyond is not rendered.</summary>
    public const int MaxLength = CommentLimits.Body;

    // Known element names are parsed as tags (and then kept or dropped by the sanitizer); any
    // other name is something the reader meant as text. Obsolete names are included because
    // browsers still parse them specially (image is img, xmp and plaintext swallow markup).
    private static readonly FrozenSet<string> KnownElements = new[]
    {
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base",
        "basefont", "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br", "button",
        "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd",
        "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed", "fieldset",
        "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input",
        "ins", "isindex", "kbd", "keygen", "label", "legend", "li", "link", "listing", "main", "map",
        "mark", "marquee", "math", "menu", "menuitem", "meta", "meter", "multicol", "nav", "nextid",
        "nobr", "noembed", "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p",
        "param", "picture", "plaintext", "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s",
        "samp", "script", "search", "section", "select", "slot", "small", "source", "spacer", "span",
        "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul",
        "var", "video", "wbr", "xmp",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const int LongestElementName = 10;

    public static string Prepare(string text)
    {
        // The form refuses longer bodies; capping here too bounds the work for any other caller.
        var length = Math.Min(text.Length, MaxLength);
        if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        var source = text.AsSpan(0, length);
        var lastClose = source.LastIndexOf('>');
        var lastCommentClose = source.LastIndexOf("-->", StringComparison.Ordinal);
        var html = new StringBuilder(length + 32);
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            switch (c)
            {
                case '\r':
                    html.Append('\n');
                    if (i + 1 < source.Length && source[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '<':
                    html.Append(StartsMarkup(source, i, lastClose, lastCommentClose) ? "<" : "&lt;");
                    break;
                case '&':
                    html.Append(StartsCharacterReference(source, i) ? "&" : "&amp;");
                    break;
                case '\n' or '\t':
                    html.Append(c);
                    break;
                default:
                    // Control characters are invisible at best; the parser would turn NUL into
                    // U+FFFD and some of them into parse errors that change the tree.
                    if (!char.IsControl(c))
                    {
                        html.Append(c);
                    }

                    break;
            }
        }

        return html.ToString();
    }

    private static bool StartsMarkup(ReadOnlySpan<char> source, int at, int lastClose, int lastCommentClose)
    {
        // A tag the input never closes would swallow everything after it.
        if (lastClose < at)
        {
            return false;
        }

        var rest = source[(at + 1)..];
        if (rest.StartsWith("!--", StringComparison.Ordinal))
        {
            return lastCommentClose > at;
        }

        if (rest.StartsWith("![CDATA[", StringComparison.Ordinal) || rest.StartsWith("!doctype", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (rest.StartsWith("/"))
        {
            rest = rest[1..];
        }

        var length = 0;
        while (length < rest.Length && length <= LongestElementName && !IsTagNameEnd(rest[length]))
        {
            length++;
        }

        return length > 0
            && char.IsAsciiLetter(rest[0])
            && KnownElements.GetAlternateLookup<ReadOnlySpan<char>>().Contains(rest[..length]);
    }

    private static bool IsTagNameEnd(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>';

    private static bool StartsCharacterReference(ReadOnlySpan<char> source, int at)
    {
        var rest = source[(at + 1)..];
        if (rest.StartsWith("#x", StringComparison.OrdinalIgnoreCase))
        {
            return EndsWithSemicolon(rest[2..], char.IsAsciiHexDigit, 6);
        }

        if (rest.StartsWith("#"))
        {
            return EndsWithSemicolon(rest[1..], char.IsAsciiDigit, 7);
        }

        return rest.Length > 0 && char.IsAsciiLetter(rest[0]) && EndsWithSemicolon(rest, char.IsAsciiLetterOrDigit, 32);
    }

    private static bool EndsWithSemicolon(ReadOnlySpan<char> rest, Func<char, bool> isPart, int maxPartLength)
    {
        var count = 0;
        while (count < rest.Length && count <= maxPartLength && isPart(rest[count]))
        {
            count++;
        }

        return count > 0 && count <= maxPartLength && count < rest.Length && rest[count] == ';';
    }
}
