using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Dateline.Features.Import.Wxr;

/// <summary>
/// Turns a post as WordPress stores it into the HTML WordPress would have shown: paragraphs from
/// blank lines (its "autop"), line breaks from single newlines, and [caption] shortcodes as
/// figures. The result is written so that the article's Markdown pipeline passes it through as
/// it is: every block starts with a block tag and holds no blank line.
/// </summary>
public static partial class WordPressContent
{
    private const string BlockTags = "address|article|aside|blockquote|details|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|thead|tfoot|tr|td|th|ul|iframe|video|audio|script|style|!--";

    public static string ToHtml(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        text = Caption().Replace(text, Figure);
        text = Embed().Replace(text, m => $"<p><a href=\"{WebUtility.HtmlEncode(m.Groups["url"].Value.Trim())}\">{WebUtility.HtmlEncode(m.Groups["url"].Value.Trim())}</a></p>");

        // Preformatted text keeps its blank lines: it is set aside while the rest is split.
        var kept = new List<string>();
        text = Pre().Replace(text, m =>
        {
            kept.Add(m.Value);
            return $"\n\n\u0001{kept.Count - 1}\u0001\n\n";
        });

        var blocks = new List<string>();
        foreach (var chunk in BlankLines().Split(text))
        {
            var block = chunk.Trim();
            if (block.Length == 0)
            {
                continue;
            }

            if (Placeholder().Match(block) is { Success: true } placeholder)
            {
                blocks.Add(kept[int.Parse(placeholder.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
                continue;
            }

            blocks.Add(StartsWithBlock().IsMatch(block) ? block : $"<p>{LineBreaks().Replace(block, "<br>\n")}</p>");
        }

        return string.Join("\n\n", blocks);
    }

    /// <summary>Text without markup or entities, its whitespace folded: for headlines, deks and captions.</summary>
    public static string PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();
    }

    private static string Figure(Match m)
    {
        var attributes = m.Groups["attrs"].Value;
        var inner = m.Groups["inner"].Value.Trim();
        var media = MediaPart().Match(inner);
        if (!media.Success)
        {
            return inner;
        }

        var caption = inner.Remove(media.Index, media.Length).Trim();
        if (caption.Length == 0 && CaptionAttribute().Match(attributes) is { Success: true } attribute)
        {
            caption = attribute.Groups["text"].Value;
        }

        var figure = new StringBuilder("<figure>").Append(media.Value.Trim().Replace("\n", " ", StringComparison.Ordinal));
        if (caption.Length > 0)
        {
            figure.Append("<figcaption>").Append(caption.Replace("\n", " ", StringComparison.Ordinal)).Append("</figcaption>");
        }

        return "\n\n" + figure.Append("</figure>") + "\n\n";
    }

    [GeneratedRegex(@"\[caption(?<attrs>[^\]]*)\](?<inner>.*?)\[/caption\]", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Caption();

    [GeneratedRegex(@"caption=(""|')(?<text>.*?)\1", RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CaptionAttribute();

    // The image of a caption, alone or inside its link.
    [GeneratedRegex(@"^\s*(<a\b[^>]*>\s*<img\b[^>]*>\s*</a>|<img\b[^>]*>)", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MediaPart();

    [GeneratedRegex(@"\[embed[^\]]*\](?<url>https?://[^\[\s]+)\[/embed\]", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Embed();

    [GeneratedRegex(@"<pre\b.*?</pre>", RegexOptions.Singleline | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pre();

    [GeneratedRegex(@"^\u0001(\d+)\u0001$")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"^<(" + BlockTags + @")(?=[\s>/-]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithBlock();

    [GeneratedRegex(@"(?<!<br\s*/?>)\n")]
    private static partial Regex LineBreaks();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
