using System.Text;

namespace Dateline.Features.Import;

/// <summary>
/// Escapes a plain-text paragraph so that Markdown renders exactly that text: no accidental
/// emphasis, links, footnotes, HTML, headings, quotes or lists.
/// </summary>
/// <remarks>
/// Covers CommonMark plus the extensions the article pipeline turns on: "~~", "~", "^" (strike,
/// subscript, superscript, figures), "++" and "==" (inserted, marked), "[^1]" footnotes.
/// A backslash before any ASCII punctuation is always a valid escape, so erring on the side of
/// escaping never changes the text. URLs are the exception: the pipeline links bare URLs and shows
/// them verbatim, backslashes included, so they are handled apart (see <see cref="AppendUrl"/>).
/// </remarks>
internal static class MarkdownText
{
    private static readonly string[] SchemePrefixes = ["http://", "https://", "ftp://", "mailto:"];

    public static string EscapeParagraph(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        var listMarker = OrderedListMarkerIndex(text);
        for (var i = 0; i < text.Length; i++)
        {
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1])) && AppendUrl(text, ref i, result))
            {
                continue;
            }

            if (i == 0 ? StartsBlock(text) || NeedsEscape(text, 0) : i == listMarker || NeedsEscape(text, i))
            {
                result.Append('\\');
            }

            result.Append(text[i]);
        }

        return result.ToString();
    }

    // A URL with nothing to escape is left for the pipeline to link. One with markup characters
    // becomes an explicit autolink, whose content Markdown takes literally; a "www." one cannot
    // (it has no scheme), so its first letter is written as an entity, which stops the automatic
    // linking and lets the ordinary escapes apply. So is "tel:", whose automatic link hides the scheme.
    // The whole token is consumed here, so that a long run of URLs is still read in one pass.
    private static bool AppendUrl(string text, ref int i, StringBuilder result)
    {
        var start = i;
        var tel = string.CompareOrdinal(text, start, "tel:", 0, 4) == 0;
        var unlinkable = tel || string.CompareOrdinal(text, start, "www.", 0, 4) == 0;
        if (!unlinkable && !SchemePrefixes.Any(prefix => string.CompareOrdinal(text, start, prefix, 0, prefix.Length) == 0))
        {
            return false;
        }

        var end = start;
        var linkEnd = -1;
        var needsEscape = tel;
        while (end < text.Length && text[end] != ' ')
        {
            if (text[end] is '<' or '>' && linkEnd < 0)
            {
                linkEnd = end;
            }

            needsEscape |= NeedsEscape(text, end);
            end++;
        }

        var rest = start;
        if (!needsEscape)
        {
            result.Append(text, start, end - start);
            rest = end;
        }
        else if (unlinkable)
        {
            result.Append("&#").Append((int)text[start]).Append(';');
            rest = start + 1;
        }
        else
        {
            rest = linkEnd < 0 ? end : linkEnd;
            result.Append('<').Append(text, start, rest - start).Append('>');
        }

        for (; rest < end; rest++)
        {
            if (NeedsEscape(text, rest))
            {
                result.Append('\\');
            }

            result.Append(text[rest]);
        }

        i = end - 1;
        return true;
    }

    // "# ", "> ", "- ", "+ " and a run of dashes would turn the paragraph into another block.
    private static bool StartsBlock(string text) => text[0] switch
    {
        '#' or '>' => true,
        '-' or '+' => text.Length == 1 || text[1] is ' ' or '-',
        _ => false,
    };

    private static bool NeedsEscape(string text, int i) => text[i] switch
    {
        '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '~' or '^' => true,
        '+' or '=' => (i + 1 < text.Length && text[i + 1] == text[i]) || (i > 0 && text[i - 1] == text[i]),

        // "&amp;" or "&#169;" would render as the character it names.
        '&' => IsEntityStart(text, i + 1),
        _ => false,
    };

    // "1. " or "2023) " opens an ordered list; its punctuation is the character to escape.
    private static int OrderedListMarkerIndex(string text)
    {
        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits is > 0 and <= 9
            && digits < text.Length
            && text[digits] is '.' or ')'
            && (digits + 1 == text.Length || text[digits + 1] == ' ')
            ? digits
            : -1;
    }

    private static bool IsEntityStart(string text, int from)
    {
        var i = from;
        while (i < text.Length && i - from <= 32 && (char.IsAsciiLetterOrDigit(text[i]) || (i == from && text[i] == '#')))
        {
            i++;
        }

        return i > from && i < text.Length && text[i] == ';';
    }
}
