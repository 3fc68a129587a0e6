using System.Net;
using System.Text.Json;
using Dateline.Features.Accounts;
using Dateline.TestSupport;
using static Dateline.IntegrationTests.Metadata.MetadataSite;

namespace Dateline.IntegrationTests.Metadata;

/// <summary>
/// What each public page's head tells search engines and link previews: canonical link, Open
/// Graph, Twitter card and JSON-LD, checked to the character on a site whose address, time zone
/// and language are configured.
/// </summary>
public abstract class HeadMetadataTests(DatelineApp app)
{
    private async Task<HttpClient> EditorAsync() => app.CreateClient(await app.CreateApiKeyAsync(Roles.Editor));

    [Fact]
    public async Task AnArticleHeadCarriesItsOpenGraphTwitterCardAndNewsArticleOnce()
    {
        var editor = await EditorAsync();
        var created = await editor.CreateArticleAsync(new
        {
            headline = "Tunnel Reopens After Repairs",
            dek = "Commuters return on Monday & cheer.",
            dateline = "HARBOR CITY",
            bodyMarkdown = "The tunnel reopened.",
            authors = new[] { "Mara Quill", "Owen Ash" },
            topics = new[] { "Transit", "Infrastructure" },
            section = "Metro",
            image = new { url = "/media/tunnel.jpg", alt = "The tunnel's east entrance", caption = "Cars return.", credit = "Ina Lens/Harbor Daily", width = 1200, height = 675 },
            status = "published",
            publishedAt = new DateTime(2021, 3, 4, 15, 0, 0, DateTimeKind.Utc),
        });
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostJsonAsync($"/api/newsroom/articles/{id}/corrections", new { text = "An earlier version gave the wrong length.", kind = "correction" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostJsonAsync($"/api/newsroom/articles/{id}/corrections", new { text = "Adds the mayor's remarks.", kind = "update" })).StatusCode);
        var article = await (await editor.GetAsync($"/api/newsroom/articles/{id}")).JsonAsync();
        var corrected = At(article.GetProperty("corrections")[0].GetProperty("at"));
        var modified = At(article.GetProperty("updatedAt"));
        var url = BaseUrl + "/2021/03/04/tunnel-reopens-after-repairs/";

        var page = await (await app.CreateReaderClient().GetAsync("/2021/03/04/tunnel-reopens-after-repairs/")).HtmlAsync();
        AssertNoTagTwice(page);
        Assert.Equal(url, Assert.Single(page.Head!.QuerySelectorAll("link[rel='canonical']")).GetAttribute("href"));
        Assert.Equal("Commuters return on Monday & cheer.", Meta(page, "description"));
        Assert.Equal("Dateline", Meta(page, "og:site_name"));
        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal("Tunnel Reopens After Repairs", Meta(page, "og:title"));
        Assert.Equal(url, Meta(page, "og:url"));
        Assert.Equal("Commuters return on Monday & cheer.", Meta(page, "og:description"));
        Assert.Equal("en_GB", Meta(page, "og:locale"));
        Assert.Equal(BaseUrl + "/media/tunnel.jpg", Meta(page, "og:image"));
        Assert.Equal("1200", Meta(page, "og:image:width"));
        Assert.Equal("675", Meta(page, "og:image:height"));
        Assert.Equal("The tunnel's east entrance", Meta(page, "og:image:alt"));
        Assert.Equal("summary_large_image", Meta(page, "twitter:card"));
        Assert.Equal("Tunnel Reopens After Repairs", Meta(page, "twitter:title"));
        Assert.Equal("Commuters return on Monday & cheer.", Meta(page, "twitter:description"));
        Assert.Equal(BaseUrl + "/media/tunnel.jpg", Meta(page, "twitter:image"));
        Assert.Equal("The tunnel's east entrance", Meta(page, "twitter:image:alt"));
        // 15:00 UTC is 10:00 in New York in March, before the clocks change.
        Assert.Equal("2021-03-04T10:00:00-05:00", Meta(page, "article:published_time"));
        Assert.Equal(Local(modified), Meta(page, "article:modified_time"));
        Assert.Equal([BaseUrl + "/authors/mara-quill/", BaseUrl + "/authors/owen-ash/"], MetaAll(page, "article:author"));
        Assert.Equal("Metro", Meta(page, "article:section"));
        Assert.Equal(["Infrastructure", "Transit"], MetaAll(page, "article:tag"));

        var blocks = JsonLd(page);
        Assert.Equal(["NewsArticle", "BreadcrumbList"], blocks.Select(b => b.GetProperty("@type").GetString()));
        var news = blocks[0];
        Assert.Equal("https://schema.org", news.GetProperty("@context").GetString());
        Assert.Equal(url, news.GetProperty("mainEntityOfPage").GetString());
        Assert.Equal(url, news.GetProperty("url").GetString());
        Assert.Equal("Tunnel Reopens After Repairs", news.GetProperty("headline").GetString());
        Assert.Equal("Commuters return on Monday & cheer.", news.GetProperty("description").GetString());
        Assert.Equal("2021-03-04T10:00:00-05:00", news.GetProperty("datePublished").GetString());
        Assert.Equal(Local(modified), news.GetProperty("dateModified").GetString());
        var image = Assert.Single(news.GetProperty("image").EnumerateArray());
        Assert.Equal("ImageObject", image.GetProperty("@type").GetString());
        Assert.Equal(BaseUrl + "/media/tunnel.jpg", image.GetProperty("url").GetString());
        Assert.Equal(1200, image.GetProperty("width").GetInt32());
        Assert.Equal(675, image.GetProperty("height").GetInt32());
        Assert.Equal(
            [("Person", "Mara Quill", BaseUrl + "/authors/mara-quill/"), ("Person", "Owen Ash", BaseUrl + "/authors/owen-ash/")],
            news.GetProperty("author").EnumerateArray().Select(a => (a.GetProperty("@type").GetString(), a.GetProperty("name").GetString(), a.GetProperty("url").GetString())));
        var publisher = news.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("Dateline", publisher.GetProperty("name").GetString());
        Assert.Equal(BaseUrl + "/", publisher.GetProperty("url").GetString());
        var logo = publisher.GetProperty("logo");
        Assert.Equal("ImageObject", logo.GetProperty("@type").GetString());
        Assert.Equal(BaseUrl + "/logo.png", logo.GetProperty("url").GetString());
        Assert.Equal(512, logo.GetProperty("width").GetInt32());
        Assert.Equal(512, logo.GetProperty("height").GetInt32());
        Assert.Equal(0, news.GetProperty("commentCount").GetInt32());
        Assert.Equal("Metro", news.GetProperty("articleSection").GetString());
        Assert.Equal(["Infrastructure", "Transit"], news.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        // The update is news, not a correction: only the correction is listed.
        var correction = Assert.Single(news.GetProperty("correction").EnumerateArray());
        Assert.Equal("CorrectionComment", correction.GetProperty("@type").GetString());
        Assert.Equal("An earlier version gave the wrong length.", correction.GetProperty("text").GetString());
        Assert.Equal(Local(corrected), correction.GetProperty("datePublished").GetString());

        Assert.Equal(
            [(1, "Home", BaseUrl + "/"), (2, "Infrastructure", BaseUrl + "/topics/infrastructure/"), (3, "Tunnel Reopens After Repairs", url)],
            Trail(blocks[1]));

        // The logo the site ships is there to be fetched.
        var logoFile = await app.CreateReaderClient().GetAsync("/logo.png");
        Assert.Equal(HttpStatusCode.OK, logoFile.StatusCode);
        Assert.Equal("image/png", logoFile.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AHeadlineThatClosesItsScriptStaysInsideTheJsonLd()
    {
        const string headline = "</script><script>alert(1)</script><!-- Quarry & \"Mill\" 'Deal'";
        var created = await (await EditorAsync()).CreateArticleAsync(new
        {
            headline,
            dek = "</script><img src=x onerror=alert(2)>",
            authors = new[] { "</script> Writer" },
            topics = new[] { "</script> Topic" },
            bodyMarkdown = "Body.",
            status = "published",
        });
        var response = await app.CreateReaderClient().GetAsync(Http.PathOf(created));
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.HtmlAsync();

        // Nothing the newsroom typed made a script of its own: the only inline ones are the two blocks.
        Assert.Equal(["application/ld+json", "application/ld+json"], page.QuerySelectorAll("script:not([src])").Select(s => s.GetAttribute("type")));
        var scripts = System.Text.RegularExpressions.Regex.Matches(html, "<script type=\"application/ld\\+json\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Equal(2, scripts.Count);
        Assert.All(scripts, s => Assert.DoesNotContain("<", s.Groups[1].Value, StringComparison.Ordinal));
        var news = JsonLd(page, "NewsArticle");
        Assert.Equal(headline, news.GetProperty("headline").GetString());
        Assert.Equal("</script><img src=x onerror=alert(2)>", news.GetProperty("description").GetString());
        Assert.Equal("</script> Writer", news.GetProperty("author")[0].GetProperty("name").GetString());
        Assert.Equal(headline, Trail(JsonLd(page, "BreadcrumbList"))[^1].Item2);
        Assert.Equal(headline, Meta(page, "og:title"));
        Assert.Equal(headline, Meta(page, "twitter:title"));
    }

    [Fact]
    public async Task TheHomePageIsAWebsiteWithASearchAction()
    {
        await (await EditorAsync()).CreateArticleAsync(new { headline = "Home Head Story", authors = new[] { "Hal Home" }, bodyMarkdown = "H.", status = "published" });
        var page = await (await app.CreateReaderClient().GetAsync("/")).HtmlAsync();
        AssertNoTagTwice(page);
        Assert.Equal(BaseUrl + "/", page.Head!.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal("website", Meta(page, "og:type"));
        Assert.Equal("Dateline", Meta(page, "og:site_name"));
        Assert.Equal("Dateline", Meta(page, "og:title"));
        Assert.Equal(BaseUrl + "/", Meta(page, "og:url"));
        Assert.Equal("News, as it happens", Meta(page, "og:description"));
        Assert.Equal("en_GB", Meta(page, "og:locale"));
        Assert.Equal("summary", Meta(page, "twitter:card"));
        Assert.Equal("Dateline", Meta(page, "twitter:title"));
        Assert.Equal("News, as it happens", Meta(page, "twitter:description"));
        Assert.Empty(MetaAll(page, "og:image"));
        Assert.Empty(MetaAll(page, "twitter:image"));
        Assert.Empty(MetaAll(page, "article:published_time"));

        var site = Assert.Single(JsonLd(page));
        Assert.Equal("WebSite", site.GetProperty("@type").GetString());
        Assert.Equal("Dateline", site.GetProperty("name").GetString());
        Assert.Equal(BaseUrl + "/", site.GetProperty("url").GetString());
        var action = site.GetProperty("potentialAction");
        Assert.Equal("SearchAction", action.GetProperty("@type").GetString());
        Assert.Equal(BaseUrl + "/search?q={search_term_string}", action.GetProperty("target").GetProperty("urlTemplate").GetString());
        Assert.Equal("required name=search_term_string", action.GetProperty("query-input").GetString());
        Assert.Equal(BaseUrl + "/logo.png", site.GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString());
    }

    [Fact]
    public async Task ATopicPageHasItsCanonicalAddressAndBreadcrumb()
    {
        var editor = await EditorAsync();
        for (var i = 0; i < PageSize + 1; i++)
        {
            await editor.CreateArticleAsync(new { headline = $"Harbour Story {i}", authors = new[] { "Tia Tide" }, topics = new[] { "Harbour Works" }, bodyMarkdown = "T.", status = "published" });
        }

        var reader = app.CreateReaderClient();
        var page = await (await reader.GetAsync("/topics/harbour-works/")).HtmlAsync();
        AssertNoTagTwice(page);
        Assert.Equal(BaseUrl + "/topics/harbour-works/", page.Head!.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal("website", Meta(page, "og:type"));
        Assert.Equal("Harbour Works", Meta(page, "og:title"));
        Assert.Equal(BaseUrl + "/topics/harbour-works/", Meta(page, "og:url"));
        Assert.Equal("The latest articles on Harbour Works.", Meta(page, "og:description"));
        Assert.Equal("summary", Meta(page, "twitter:card"));
        var trail = Assert.Single(JsonLd(page));
        Assert.Equal("BreadcrumbList", trail.GetProperty("@type").GetString());
        Assert.Equal([(1, "Home", BaseUrl + "/"), (2, "Harbour Works", BaseUrl + "/topics/harbour-works/")], Trail(trail));

        var second = await (await reader.GetAsync("/topics/harbour-works/?page=2")).HtmlAsync();
        Assert.Equal(BaseUrl + "/topics/harbour-works/?page=2", second.Head!.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal(BaseUrl + "/topics/harbour-works/?page=2", Meta(second, "og:url"));

        var author = await (await reader.GetAsync("/authors/tia-tide/")).HtmlAsync();
        Assert.Equal("Articles by Tia Tide.", Meta(author, "og:description"));
        Assert.Equal([(1, "Home", BaseUrl + "/"), (2, "Tia Tide", BaseUrl + "/authors/tia-tide/")], Trail(Assert.Single(JsonLd(author))));
    }

    [Fact]
    public async Task DateArchivesLeadBackThroughTheirYearAndMonth()
    {
        await (await EditorAsync()).CreateArticleAsync(new
        {
            headline = "Leap Day Story",
            authors = new[] { "Dora Date" },
            bodyMarkdown = "L.",
            status = "published",
            publishedAt = new DateTime(2020, 2, 29, 17, 0, 0, DateTimeKind.Utc),
        });
        var reader = app.CreateReaderClient();
        var day = await (await reader.GetAsync("/2020/02/29/")).HtmlAsync();
        AssertNoTagTwice(day);
        Assert.Equal(BaseUrl + "/2020/02/29/", Meta(day, "og:url"));
        Assert.Equal("February 29, 2020", Meta(day, "og:title"));
        Assert.Equal("Articles published on February 29, 2020.", Meta(day, "og:description"));
        Assert.Equal(
            [(1, "Home", BaseUrl + "/"), (2, "2020", BaseUrl + "/2020/"), (3, "February 2020", BaseUrl + "/2020/02/"), (4, "February 29, 2020", BaseUrl + "/2020/02/29/")],
            Trail(Assert.Single(JsonLd(day))));
        var month = await (await reader.GetAsync("/2020/02/")).HtmlAsync();
        Assert.Equal("Articles published in February 2020.", Meta(month, "og:description"));
        Assert.Equal([(1, "Home", BaseUrl + "/"), (2, "2020", BaseUrl + "/2020/"), (3, "February 2020", BaseUrl + "/2020/02/")], Trail(Assert.Single(JsonLd(month))));
    }

    [Fact]
    public async Task AnErrorPageSaysWhatItIsWithoutAnAddressOfItsOwn()
    {
        var response = await app.CreateReaderClient().GetAsync("/topics/no-such-topic/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.HtmlAsync();
        AssertNoTagTwice(page);
        Assert.Null(page.Head!.QuerySelector("link[rel='canonical']"));
        Assert.Equal("noindex", Meta(page, "robots"));
        Assert.Equal("website", Meta(page, "og:type"));
        Assert.Equal("Page not found", Meta(page, "og:title"));
        Assert.Equal("Dateline", Meta(page, "og:site_name"));
        Assert.Empty(MetaAll(page, "og:url"));
        Assert.Equal("summary", Meta(page, "twitter:card"));
        Assert.Empty(JsonLd(page));

        // A page behind a mailed link has no address to share: its token goes nowhere in the head.
        var confirm = await (await app.CreateReaderClient().GetAsync("/comments/confirm?token=mailed-secret-token")).HtmlAsync();
        Assert.Null(confirm.Head!.QuerySelector("link[rel='canonical']"));
        Assert.Empty(MetaAll(confirm, "og:url"));
        Assert.Equal("noindex", Meta(confirm, "robots"));
        Assert.Equal("Publish your comment", Meta(confirm, "og:title"));
        Assert.DoesNotContain("mailed-secret-token", confirm.Head.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALogoSavedOnTheSettingsPageBecomesThePublisherLogo()
    {
        var created = await (await EditorAsync()).CreateArticleAsync(new { headline = "Logo Story", authors = new[] { "Lou Go" }, bodyMarkdown = "L.", status = "published" });
        var reader = app.CreateReaderClient();
        await reader.GetStringAsync(Http.PathOf(created));
        var (admin, _) = await app.SignedInAsync(Roles.Admin);

        var refused = await admin.SubmitFormAsync("/newsroom/settings/", Settings("javascript:alert(1)"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await refused.HtmlAsync()).QuerySelector("#logoUrl-error"));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/newsroom/settings/", Settings("/media/masthead.png"))).StatusCode);
        try
        {
            var page = await (await reader.GetAsync(Http.PathOf(created))).HtmlAsync();
            var logo = JsonLd(page, "NewsArticle").GetProperty("publisher").GetProperty("logo");
            Assert.Equal(BaseUrl + "/media/masthead.png", logo.GetProperty("url").GetString());
            // Its size is not known, so none is claimed.
            Assert.False(logo.TryGetProperty("width", out _));
            Assert.Equal("/media/masthead.png", (await (await admin.GetAsync("/newsroom/settings/")).HtmlAsync()).QuerySelector("#logoUrl")!.GetAttribute("value"));
        }
        finally
        {
            await admin.SubmitFormAsync("/newsroom/settings/", Settings(""));
        }

        var after = await (await reader.GetAsync(Http.PathOf(created))).HtmlAsync();
        Assert.Equal(BaseUrl + "/logo.png", JsonLd(after, "NewsArticle").GetProperty("publisher").GetProperty("logo").GetProperty("url").GetString());
    }

    // The fixture's configured values, so that saving the form changes the logo alone.
    private static Dictionary<string, string> Settings(string logoUrl) => new()
    {
        ["siteTitle"] = "Dateline",
        ["tagline"] = "News, as it happens",
        ["siteUrl"] = BaseUrl,
        ["timeZone"] = MetadataSite.TimeZone,
        ["language"] = Language,
        ["logoUrl"] = logoUrl,
    };
}

public sealed class HeadMetadataOnSqlite(MetadataSqliteApp app) : HeadMetadataTests(app), IClassFixture<MetadataSqliteApp>;

public sealed class HeadMetadataOnPostgres(MetadataPostgresApp app) : HeadMetadataTests(app), IClassFixture<MetadataPostgresApp>;
