using System.Net;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Pages;

public abstract class PublicPagesTests(DatelineApp app)
{
    private async Task<HttpClient> EditorAsync() => app.CreateClient(await app.CreateApiKeyAsync("editor"));

    [Fact]
    public async Task ArticlePageShowsEveryPartTheContractNames()
    {
        var editor = await EditorAsync();
        var created = await editor.CreateArticleAsync(new
        {
            headline = "Flood Waters Recede in the Valley",
            dek = "Residents begin to count the cost.",
            dateline = "RIVERTON",
            bodyMarkdown = "The water began to fall on **Tuesday**.\n\nA second paragraph.",
            authors = new[] { "Ana Reyes", "Tom Hale", "Lee Park" },
            credits = new[] { "Sam Ortiz contributed reporting.", "Kitty Bennett contributed research." },
            image = new { url = "/media/flood.jpg", alt = "A flooded street", caption = "Main Street on Monday.", credit = "Jo Lee/Riverton Gazette", width = 1600, height = 900 },
            topics = new[] { "Weather", "Floods" },
            section = "National",
            status = "published",
        });

        var response = await app.CreateReaderClient().GetAsync(Http.PathOf(created));
        var page = await response.HtmlAsync();
        var article = page.QuerySelector("main article")!;
        Assert.Equal("Flood Waters Recede in the Valley", article.QuerySelector("h1")!.TextContent);
        Assert.Equal("Residents begin to count the cost.", article.QuerySelector(".dek")!.TextContent);
        Assert.Equal("By Ana Reyes, Tom Hale, and Lee Park", article.QuerySelector(".byline")!.TextContent);
        Assert.Equal(["/authors/ana-reyes/", "/authors/tom-hale/", "/authors/lee-park/"], article.QuerySelectorAll(".byline a").Select(a => a.GetAttribute("href")));
        Assert.Equal("RIVERTON", article.QuerySelector(".dateline")!.TextContent);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", article.QuerySelector(".story-meta time")!.GetAttribute("datetime"));
        var figure = article.QuerySelector("figure.lead-image")!;
        Assert.Equal("A flooded street", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("1600", figure.QuerySelector("img")!.GetAttribute("width"));
        Assert.Equal("Main Street on Monday.", figure.QuerySelector("figcaption .caption")!.TextContent);
        Assert.Equal("Jo Lee/Riverton Gazette", figure.QuerySelector("figcaption .credit")!.TextContent);
        Assert.Equal("<p>The water began to fall on <strong>Tuesday</strong>.</p>", article.QuerySelector(".story-body p")!.OuterHtml);
        Assert.Equal(["Sam Ortiz contributed reporting.", "Kitty Bennett contributed research."], article.QuerySelectorAll(".credits p").Select(p => p.TextContent));
        Assert.Equal(["Floods", "Weather"], article.QuerySelectorAll(".topics a").Select(a => a.TextContent));

        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("Flood Waters Recede in the Valley", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.EndsWith("/media/flood.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.EndsWith(Http.PathOf(created), page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"), StringComparison.Ordinal);

        var form = page.QuerySelector("#respond form")!;
        Assert.Equal("Leave a Reply", page.QuerySelector("#reply-title")!.TextContent);
        Assert.Equal("/comments", form.GetAttribute("action"));
        Assert.Contains("Your email address will not be published.", form.TextContent, StringComparison.Ordinal);
        foreach (var (name, label) in new[] { ("body", "Comment"), ("name", "Name"), ("email", "Email") })
        {
            var field = form.QuerySelector($"[name='{name}']")!;
            Assert.True(field.HasAttribute("required"), $"{name} must be required");
            var labelElement = form.QuerySelector($"label[for='{field.Id}']")!;
            Assert.StartsWith(label, labelElement.TextContent, StringComparison.Ordinal);
            Assert.Equal("*", labelElement.QuerySelector(".required")!.TextContent);
        }

        Assert.False(form.QuerySelector("[name='url']")!.HasAttribute("required"));
        Assert.Null(form.QuerySelector("label[for='url'] .required"));
        var remember = form.QuerySelector("input[name='remember']")!;
        Assert.Equal("checkbox", remember.GetAttribute("type"));
        Assert.False(remember.HasAttribute("checked"));
        Assert.NotNull(form.QuerySelector("input[type='hidden'][name='articleId']"));
        Assert.NotNull(form.QuerySelector("input[type='hidden'][name='parentId']"));
        // No inline script: only the site's own files, which reading does not need.
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), script => Assert.StartsWith("/js/", script.GetAttribute("src"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostileMarkupIsEncodedOrSanitizedEverywhere()
    {
        var editor = await EditorAsync();
        var created = await editor.CreateArticleAsync(new
        {
            headline = "</script><script>alert(1)</script> Headline",
            dek = "<img src=x onerror=alert(2)>",
            bodyMarkdown = "Fine text.\n\n<script>alert(3)</script>\n\n<a href=\"javascript:alert(4)\">link</a> <img src=\"x\" onerror=\"alert(5)\">",
            authors = new[] { "<b>Evil</b> Author" },
            status = "published",
        });

        var response = await app.CreateReaderClient().GetAsync(Http.PathOf(created));
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.HtmlAsync();
        // NewsArticle and BreadcrumbList, and nothing the hostile text made.
        Assert.Equal(["application/ld+json", "application/ld+json"], page.QuerySelectorAll("script:not([src])").Select(s => s.GetAttribute("type")));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase)));
        Assert.Null(page.QuerySelector("b"));
        Assert.Equal("</script><script>alert(1)</script> Headline", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("<img src=x onerror=alert(2)>", page.QuerySelector(".dek")!.TextContent);
        Assert.Contains("\u003C/script\u003E", html, StringComparison.Ordinal);
        var bodyHtml = created.GetProperty("bodyHtml").GetString()!;
        Assert.DoesNotContain("script", bodyHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>Fine text.</p>", bodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopicAuthorAndDateArchivesListTheirArticles()
    {
        var editor = await EditorAsync();
        var created = await editor.CreateArticleAsync(new
        {
            headline = "Archive Test Story",
            authors = new[] { "Archie Vist" },
            topics = new[] { "Archive Topic" },
            bodyMarkdown = "Body.",
            status = "published",
            publishedAt = new DateTime(2021, 6, 15, 12, 0, 0, DateTimeKind.Utc),
        });
        Assert.Equal("/2021/06/15/archive-test-story/", Http.PathOf(created));

        var reader = app.CreateReaderClient();
        foreach (var path in new[] { "/topics/archive-topic/", "/authors/archie-vist/", "/2021/", "/2021/06/", "/2021/06/15/" })
        {
            var response = await reader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var page = await response.HtmlAsync();
            Assert.Contains(page.QuerySelectorAll(".article-list a"), a => a.GetAttribute("href") == "/2021/06/15/archive-test-story/");
        }

        Assert.Equal(HttpStatusCode.MovedPermanently, (await reader.GetAsync("/topics/archive-topic")).StatusCode);
        Assert.Equal(HttpStatusCode.MovedPermanently, (await reader.GetAsync("/2021/06")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/topics/no-such-topic/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/1999/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/2021/13/")).StatusCode);
    }

    [Fact]
    public async Task HomePagePaginatesNewestFirst()
    {
        var editor = await EditorAsync();
        var topic = $"paging-{Guid.NewGuid():N}"[..20];
        for (var i = 0; i < 23; i++)
        {
            await editor.CreateArticleAsync(new
            {
                headline = $"Paging Story {i:00}",
                authors = new[] { "Pager" },
                topics = new[] { topic },
                status = "published",
                publishedAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i),
            });
        }

        var reader = app.CreateReaderClient();
        var first = await (await reader.GetAsync($"/topics/{topic}/")).HtmlAsync();
        var headlines = first.QuerySelectorAll(".summary-headline").Select(h => h.TextContent).ToList();
        Assert.Equal(20, headlines.Count);
        Assert.Equal("Paging Story 22", headlines[0]);
        Assert.Equal($"/topics/{topic}/?page=2", first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));
        var second = await (await reader.GetAsync($"/topics/{topic}/?page=2")).HtmlAsync();
        Assert.Equal(["Paging Story 02", "Paging Story 01", "Paging Story 00"], second.QuerySelectorAll(".summary-headline").Select(h => h.TextContent));
        Assert.Null(second.QuerySelector(".pager a[rel='next']"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/topics/{topic}/?page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/?page=-5")).StatusCode);
    }

    [Fact]
    public async Task UnknownAddressesGetTheNotFoundPage()
    {
        var reader = app.CreateReaderClient();
        var response = await reader.GetAsync("/no/such/page/here/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);

        var api = await reader.GetAsync("/api/articles/999999");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/2020/01/01/no-such-story/")).StatusCode);
        foreach (var odd in new[] { "/9999/", "/9999/12/", "/9999/12/31/", "/2026/02/31/", "/2026/02/31/story/", "/0999/", "/2026/00/", "/2026/12/32/x/" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(odd)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/error/500")).StatusCode);
    }

    [Fact]
    public async Task PagesCarrySecurityHeaders()
    {
        var response = await app.CreateReaderClient().GetAsync("/");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}

public sealed class PublicPagesOnSqlite(SqliteApp app) : PublicPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PublicPagesOnPostgres(PostgresApp app) : PublicPagesTests(app), IClassFixture<PostgresApp>;
