using Microsoft.AspNetCore.Html;

namespace Dateline.Features.Search;

public static class HighlightedHtml
{
    /// <summary>
    /// The text encoded part by part, matches in <c>mark</c>, with no whitespace added between
    /// parts (a partial view would put line breaks inside words).
    /// </summary>
    public static IHtmlContent ToHtml(this Highlighted text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new HtmlContentBuilder();
        foreach (var part in text.Parts)
        {
            if (part.IsMatch)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }
}
