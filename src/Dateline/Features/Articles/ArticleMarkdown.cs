using Ganss.Xss;
using Markdig;

namespace Dateline.Features.Articles;

/// <summary>
/// Turns an article's Markdown into the HTML readers see. Newsroom Markdown may carry raw HTML
/// (an embed, a table), so the output always passes the sanitizer: a stolen editor account must
/// not be able to plant script on the public site.
/// </summary>
public sealed class ArticleMarkdown
{
    private readonly MarkdownPipeline pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseFootnotes()
        .UseAutoLinks()
        .UseFigures()
        .UseSmartyPants()
        .Build();

    private readonly HtmlSanitizer sanitizer = CreateSanitizer();

    public string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return markdown.Length == 0 ? "" : sanitizer.Sanitize(Markdown.ToHtml(markdown, pipeline));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "figure", "figcaption", "aside", "section", "cite", "mark", "small", "sup", "sub" })
        {
            sanitizer.AllowedTags.Add(tag);
        }

        // Forms inside an article could phish readers; inline styles would fight the site's design.
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "optgroup", "label", "fieldset", "legend" })
        {
            sanitizer.AllowedTags.Remove(tag);
        }

        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Links that open elsewhere must not hand the new page a handle on ours.
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link && link.GetAttribute("target") is not null)
            {
                link.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
