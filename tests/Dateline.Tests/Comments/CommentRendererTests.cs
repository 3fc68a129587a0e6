using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dateline.Features.Comments;
using Ganss.Xss;
using Dateline.TestSupport;

namespace Dateline.Tests.Comments;

public sealed class CommentRendererTests
{
    private static readonly CommentRenderer Renderer = new();

    private static readonly HashSet<string> AllowedElements =
        ["a", "b", "strong", "em", "i", "code", "blockquote", "q", "cite", "del", "abbr", "p", "br"];

    private static readonly HashSet<string> AllowedAttributes = ["href", "title", "cite", "rel"];

    private static string Link(string href, string text) => $"<a href=\"{href}\" rel=\"nofollow ugc noopener\">{text}</a>";

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n \r\n")]
    public void BlankTextRendersNothing(string text) => Assert.Equal("", Renderer.ToHtml(text));

    [Fact]
    public void BlankLinesSeparateParagraphs() =>
        Assert.Equal("<p>First</p><p>Second</p>", Renderer.ToHtml("First\n\nSecond"));

    [Fact]
    public void SeveralBlankLinesAndWindowsLineEndingsMakeOneParagraphBreak() =>
        Assert.Equal("<p>a</p><p>b</p>", Renderer.ToHtml("a\r\n\r\n  \r\n\r\nb"));

    [Fact]
    public void SingleNewlinesBecomeLineBreaks() =>
        Assert.Equal("<p>one<br>two<br>three</p>", Renderer.ToHtml("one\ntwo\r\nthree"));

    [Fact]
    public void WhitespaceAroundParagraphsLeavesNoStrayBreaks() =>
        Assert.Equal("<p>Hello</p><p>World</p>", Renderer.ToHtml("\n  Hello  \n\n\n World\n"));

    [Theory]
    [InlineData("See https://example.org/page for more", "See {https://example.org/page} for more")]
    [InlineData("http://example.org", "{http://example.org}")]
    [InlineData("Two: https://a.example/x and https://b.example/y?q=1#top", "Two: {https://a.example/x} and {https://b.example/y?q=1#top}")]
    [InlineData("HTTPS://EXAMPLE.ORG/X", "{HTTPS://EXAMPLE.ORG/X}")]
    public void UrlsInTextBecomeLinks(string text, string expected) =>
        Assert.Equal($"<p>{LinkBraces(expected)}</p>", Renderer.ToHtml(text));

    [Theory]
    [InlineData("Read https://example.org/a.", "Read {https://example.org/a}.")]
    [InlineData("https://example.org/a, then", "{https://example.org/a}, then")]
    [InlineData("https://example.org/a; then", "{https://example.org/a}; then")]
    [InlineData("at https://example.org/a: here", "at {https://example.org/a}: here")]
    [InlineData("Wow https://example.org/a!", "Wow {https://example.org/a}!")]
    [InlineData("Seen https://example.org/a?", "Seen {https://example.org/a}?")]
    [InlineData("(see https://example.org/a)", "(see {https://example.org/a})")]
    [InlineData("[https://example.org/a]", "[{https://example.org/a}]")]
    [InlineData("'https://example.org/a'...", "'{https://example.org/a}'...")]
    public void SentencePunctuationAfterAUrlIsNotPartOfIt(string text, string expected) =>
        Assert.Equal($"<p>{LinkBraces(expected)}</p>", Renderer.ToHtml(text));

    [Fact]
    public void BalancedParenthesesInsideAUrlAreKept() =>
        Assert.Equal(
            $"<p>(see {Link("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)")}).</p>",
            Renderer.ToHtml("(see https://en.wikipedia.org/wiki/Foo_(bar))."));

    [Fact]
    public void BareWwwAddressesLinkToHttps() =>
        Assert.Equal(
            $"<p>Try {Link("https://www.example.org/news", "www.example.org/news")}, it is good.</p>",
            Renderer.ToHtml("Try www.example.org/news, it is good."));

    [Theory]
    [InlineData("mail me@www.example.org")]
    [InlineData("notwww.example.org")]
    [InlineData("https:// and www. alone")]
    public void TextThatOnlyLooksLikeAUrlIsNotLinked(string text) =>
        Assert.Equal($"<p>{text}</p>", Renderer.ToHtml(text));

    [Fact]
    public void AmpersandsInAUrlSurviveEncoded() =>
        Assert.Equal(
            $"<p>{Link("https://example.org/?a=1&amp;copy=2", "https://example.org/?a=1&amp;copy=2")}</p>",
            Renderer.ToHtml("https://example.org/?a=1&copy=2"));

    [Fact]
    public void TextInsideLinksAndCodeIsNotAutoLinked() =>
        Assert.Equal(
            $"<p><code>https://example.org/code</code> {Link("https://example.org/", "https://example.org/shown")}</p>",
            Renderer.ToHtml("<code>https://example.org/code</code> <a href=\"https://example.org/\">https://example.org/shown</a>"));

    [Theory]
    [InlineData("b")]
    [InlineData("strong")]
    [InlineData("em")]
    [InlineData("i")]
    [InlineData("code")]
    [InlineData("cite")]
    [InlineData("del")]
    [InlineData("q")]
    [InlineData("abbr")]
    public void AllowedInlineTagsSurvive(string tag) =>
        Assert.Equal($"<p>say <{tag}>this</{tag}> now</p>", Renderer.ToHtml($"say <{tag}>this</{tag}> now"));

    [Fact]
    public void AbbrKeepsItsTitle() =>
        Assert.Equal("<p><abbr title=\"HyperText Markup Language\">HTML</abbr></p>", Renderer.ToHtml("<abbr title=\"HyperText Markup Language\" lang=\"en\">HTML</abbr>"));

    [Fact]
    public void QuotesKeepAnHttpCiteOnly() =>
        Assert.Equal(
            "<p><q cite=\"https://example.org/speech\">yes</q> <q>no</q></p>",
            Renderer.ToHtml("<q cite=\"https://example.org/speech\">yes</q> <q cite=\"javascript:alert(1)\">no</q>"));

    [Fact]
    public void BlockquotesHoldTheirOwnParagraphs() =>
        Assert.Equal(
            "<blockquote cite=\"http://example.org/\"><p>quoted<br>line</p><p>more</p></blockquote><p>my reply</p>",
            Renderer.ToHtml("<blockquote cite=\"http://example.org/\">quoted\nline\n\nmore</blockquote>\nmy reply"));

    [Fact]
    public void ReaderLinksKeepOnlyHrefAndTitleAndGetOurRel() =>
        Assert.Equal(
            "<p><a href=\"https://example.org/x\" title=\"Example\" rel=\"nofollow ugc noopener\">x</a></p>",
            Renderer.ToHtml("<a target=\"_blank\" rel=\"opener\" onclick=\"steal()\" class=\"c\" style=\"color:red\" title=\"Example\" href=\"https://example.org/x\">x</a>"));

    [Fact]
    public void ReaderLinksMayUseMailto() =>
        Assert.Equal($"<p>{Link("mailto:desk@example.org", "write")}</p>", Renderer.ToHtml("<a href=\"mailto:desk@example.org\">write</a>"));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JaVaScRiPt:alert(1)")]
    [InlineData("java&#9;script:alert(1)")]
    [InlineData("&#106;avascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("/relative/path")]
    [InlineData("")]
    public void ReaderLinkToAnythingButHttpOrMailtoLosesItsHref(string href) =>
        Assert.Equal("<p>click</p>", Renderer.ToHtml($"<a href=\"{href}\">click</a>"));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<style>body{display:none}</style>")]
    [InlineData("<template><b>hidden</b></template>")]
    [InlineData("<iframe src=\"https://evil.example/\">frame text</iframe>")]
    [InlineData("<object data=\"x.swf\">fallback</object>")]
    [InlineData("<embed src=\"x.swf\">")]
    [InlineData("<svg><a href=\"https://example.org/\">svg text</a><script>alert(1)</script></svg>")]
    [InlineData("<math><mi>x</mi></math>")]
    [InlineData("<noscript>no script</noscript>")]
    public void ScriptLikeElementsGoWithTheirContent(string markup) =>
        Assert.Equal("<p>before after</p>", Renderer.ToHtml($"before {markup}after"));

    [Fact]
    public void OtherDisallowedTagsAreDroppedButTheirTextStays() =>
        Assert.Equal(
            "<p>a b c d</p>",
            Renderer.ToHtml("<div>a</div> <span class=\"x\">b</span> <img src=x onerror=alert(1)><u>c</u> <form action=\"/x\"><button>d</button></form>"));

    [Fact]
    public void EventHandlersStyleAndOtherAttributesAreRemoved() =>
        Assert.Equal("<p><b>bold</b> <em>em</em></p>", Renderer.ToHtml("<b onclick=\"x()\" style=\"color:red\" class=\"c\" id=\"i\">bold</b> <em onmouseover=x data-x=1>em</em>"));

    [Theory]
    [InlineData("<b></b> <i><em></em></i>text", "<p>text</p>")]
    [InlineData("<a href=\"https://example.org/\"></a><img src=x onerror=alert(1)>", "")]
    public void EmptyTagsLeaveNothingBehind(string text, string expected) =>
        Assert.Equal(expected, Renderer.ToHtml(text));

    [Fact]
    public void HtmlCommentsAndCdataAreRemoved() =>
        Assert.Equal("<p>abd</p>", Renderer.ToHtml("a<!-- hidden <script>x</script> -->b<![CDATA[c]]>d"));

    [Theory]
    [InlineData("if a < b && c > d", "if a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("x < y and <notatag>", "x &lt; y and &lt;notatag&gt;")]
    [InlineData("List<String> and </unknown>", "List&lt;String&gt; and &lt;/unknown&gt;")]
    [InlineData("AT&T said 1<2", "AT&amp;T said 1&lt;2")]
    [InlineData("an unclosed <b", "an unclosed &lt;b")]
    [InlineData("an unclosed <!-- comment", "an unclosed &lt;!-- comment")]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    public void TextWithAngleBracketsAndAmpersandsStaysText(string text, string expected) =>
        Assert.Equal($"<p>{expected}</p>", Renderer.ToHtml(text));

    [Fact]
    public void ReaderLineAndParagraphTagsBecomeBreaks() =>
        Assert.Equal("<p>one<br>two</p><p>three</p><p>four</p>", Renderer.ToHtml("one<br>two<p>three</p>four"));

    [Fact]
    public void ControlCharactersAreDropped() =>
        Assert.Equal("<p>abc</p>", Renderer.ToHtml("a\u0000b\u0007\u001bc"));

    [Fact]
    public void TextBeyondTheBodyLimitIsNotRendered() =>
        Assert.Equal($"<p>{new string('a', 20_000)}</p>", Renderer.ToHtml(new string('a', 25_000)));

    [Fact]
    public void DeeplyNestedMarkupStillRenders()
    {
        var html = Renderer.ToHtml(string.Concat(Enumerable.Repeat("<q>", 6_000)) + "deep");
        Assert.StartsWith("<p><q><q><q>", html, StringComparison.Ordinal);
        Assert.Contains("deep", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcurrentCallsRenderAsSequentialOnesDo()
    {
        string[] texts = ["a\n\nhttps://example.org/x.", "<b onclick=x>b</b> <script>x</script>", "<blockquote>q\n\nr</blockquote>", "1 < 2 && 3 > 2"];
        var expected = texts.Select(Renderer.ToHtml).ToArray();
        var results = new string[400];
        Parallel.For(0, results.Length, i => results[i] = Renderer.ToHtml(texts[i % texts.Length]));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length], results[i]);
        }
    }

    [SkippableFact]
    public void EveryXssCorpusPayloadRendersOnlyAllowedMarkup()
    {
        var path = Corpus.Find("xss/payloads.jsonl");
        Skip.If(path is null, "The shared XSS corpus (shared/corpus/xss/payloads.jsonl) is not present.");

        var parser = new HtmlParser();
        var checkedPayloads = 0;
        foreach (var line in File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var json = JsonDocument.Parse(line);
            var payload = json.RootElement.GetProperty("payload").GetString() ?? "";
            var html = Renderer.ToHtml(payload);

            var context = $"payload {payload} rendered as {html}";
            using var document = parser.ParseDocument("<!doctype html><html><body>" + html);
            var body = document.Body!;

            // What was checked must be what a browser builds from the output, or the checks prove nothing.
            Assert.Equal(html, body.ChildNodes.ToHtml(HtmlFormatter.Instance));
            Assert.Empty(document.Head!.ChildNodes);
            Assert.Empty(document.Descendants<IComment>());
            foreach (var element in body.Descendants<IElement>())
            {
                Assert.True(AllowedElements.Contains(element.LocalName), $"<{element.LocalName}> in {context}");
                Assert.Equal(NamespaceNames.HtmlUri, element.NamespaceUri);
                foreach (var attribute in element.Attributes)
                {
                    Assert.True(AllowedAttributes.Contains(attribute.Name), $"{attribute.Name}= in {context}");
                    if (attribute.Name is "href" or "cite")
                    {
                        Assert.True(IsWebOrMailUrl(attribute.Value), $"{attribute.Name}=\"{attribute.Value}\" in {context}");
                    }
                }

                if (element.LocalName == "a")
                {
                    Assert.Equal("nofollow ugc noopener", element.GetAttribute("rel"));
                }
            }

            checkedPayloads++;
        }

        Assert.True(checkedPayloads > 800, $"Only {checkedPayloads} payloads were checked.");
    }

    private static bool IsWebOrMailUrl(string url)
    {
        var start = 0;
        var end = url.Length;
        while (start < end && IsBlank(url[start]))
        {
            start++;
        }

        while (end > start && IsBlank(url[end - 1]))
        {
            end--;
        }

        var trimmed = url[start..end];
        return trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

        static bool IsBlank(char c) => char.IsWhiteSpace(c) || char.IsControl(c);
    }

    /// <summary>Expands {url} in an expected output into the link the renderer makes of it.</summary>
    private static string LinkBraces(string expected)
    {
        var start = expected.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return expected;
        }

        var end = expected.IndexOf('}', start);
        var url = expected[(start + 1)..end];
        return expected[..start] + Link(url, url) + LinkBraces(expected[(end + 1)..]);
    }
}
