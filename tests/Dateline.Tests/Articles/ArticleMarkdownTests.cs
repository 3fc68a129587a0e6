using System.Text.Json;
using AngleSharp.Html.Parser;
using Dateline.Features.Articles;
using Dateline.TestSupport;

namespace Dateline.Tests.Articles;

public sealed class ArticleMarkdownTests
{
    private static readonly ArticleMarkdown Markdown = new();
    private static readonly string[] ForbiddenElements = ["script", "iframe", "object", "embed", "base", "meta", "form", "style", "link", "frame", "frameset", "applet"];
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "background", "poster", "srcset", "data"];

    [Fact]
    public void MarkdownBecomesParagraphsLinksAndEmphasis()
    {
        var html = Markdown.ToHtml("First *paragraph* with a [link](https://example.org).\n\nSecond \"quoted\" paragraph.");
        Assert.Equal("<p>First <em>paragraph</em> with a <a href=\"https://example.org\">link</a>.</p>\n<p>Second “quoted” paragraph.</p>\n", html);
    }

    [Fact]
    public void RawHtmlIsKeptWhenSafe()
    {
        var html = Markdown.ToHtml("<figure><img src=\"/a.jpg\" alt=\"A\"><figcaption>Caption</figcaption></figure>");
        Assert.Contains("<figcaption>Caption</figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/a.jpg\" alt=\"A\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("![x](javascript:alert(1))")]
    public void DangerousMarkupIsRemoved(string markdown)
    {
        AssertSafe(markdown, Markdown.ToHtml(markdown));
    }

    /// <summary>Every payload of the shared XSS corpus, rendered as an article body, runs nothing.</summary>
    [SkippableFact]
    public void NoPayloadOfTheXssCorpusSurvives()
    {
        var corpus = Corpus.Find("xss/payloads.jsonl");
        Skip.If(corpus is null, "SKIPPED: ../shared/corpus/xss/payloads.jsonl is not beside this clone, so the XSS corpus was not checked.");

        var count = 0;
        foreach (var line in File.ReadLines(corpus))
        {
            var payload = JsonDocument.Parse(line).RootElement.GetProperty("payload").GetString()!;
            AssertSafe(payload, Markdown.ToHtml(payload));
            count++;
        }

        Assert.True(count > 800, $"expected the whole corpus, read {count} payloads");
    }

    private static void AssertSafe(string input, string html)
    {
        var document = new HtmlParser().ParseDocument($"<!doctype html><html><body>{html}</body></html>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.False(ForbiddenElements.Contains(element.LocalName), $"<{element.LocalName}> survived from: {input}");
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} survived from: {input}");
                if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()))
                {
                    var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
                    Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal)
                        || value.StartsWith("data:text/html", StringComparison.Ordinal), $"{attribute.Name}={attribute.Value} survived from: {input}");
                }
            }
        }
    }
}
