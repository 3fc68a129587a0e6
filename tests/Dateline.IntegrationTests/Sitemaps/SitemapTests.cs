using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dateline.IntegrationTests.Sitemaps.SitemapDocuments;

namespace Dateline.IntegrationTests.Sitemaps;

/// <summary>
/// The sitemap index, its sitemaps, the Google News sitemap and robots.txt, read as a crawler
/// reads them, on a site whose clock the test holds still at <see cref="SitemapApp.Now"/>.
/// </summary>
public abstract class SitemapTests(SitemapApp app)
{
    private const string Site = SitemapApp.SiteUrl;
    private static readonly DateTimeOffset Now = SitemapApp.Now;

    private async Task<HttpClient> AdminAsync() => app.CreateClient(await app.CreateApiKeyAsync("admin"));

    private static object Story(string headline, string author, string topic, DateTimeOffset? publishedAt = null, string status = "published") => new
    {
        headline,
        authors = new[] { author },
        topics = new[] { topic },
        bodyMarkdown = "Reported.",
        status,
        publishedAt = publishedAt?.UtcDateTime,
    };

    [Fact]
    public async Task TheArticleSitemapListsPublishedArticlesOnlyAtTheirAddressesWithTheirLastChange()
    {
        var admin = await AdminAsync();
        var published = await admin.CreateArticleAsync(Story("Sitemap Published Story", "Sam Mapper", "Cartography"));
        await admin.CreateArticleAsync(Story("Sitemap Draft Story", "Sam Mapper", "Cartography", status: "draft"));
        await admin.CreateArticleAsync(Story("Sitemap Scheduled Story", "Sam Mapper", "Cartography", Now.AddDays(1), "scheduled"));
        var withdrawn = await admin.CreateArticleAsync(Story("Sitemap Withdrawn Story", "Sam Mapper", "Cartography"));
        var unpublish = await admin.PatchJsonAsync($"/api/newsroom/articles/{withdrawn.GetProperty("id").GetInt32()}", new { status = "draft" });
        Assert.Equal(HttpStatusCode.OK, unpublish.StatusCode);

        var sitemap = await app.CreateReaderClient().GetXmlAsync("/sitemaps/articles-1.xml");
        Assert.Equal(Sm + "urlset", sitemap.Root!.Name);
        var locs = Locs(sitemap);
        var loc = Site + Http.PathOf(published);
        Assert.Equal(published.GetProperty("url").GetString(), loc);
        Assert.Equal("https://news.example.org/2024/03/31/sitemap-published-story/", loc);
        Assert.Contains(loc, locs);
        Assert.DoesNotContain(locs, l => l.Contains("sitemap-draft-story", StringComparison.Ordinal));
        Assert.DoesNotContain(locs, l => l.Contains("sitemap-scheduled-story", StringComparison.Ordinal));
        Assert.DoesNotContain(locs, l => l.Contains("sitemap-withdrawn-story", StringComparison.Ordinal));
        Assert.Equal(locs.Count, locs.Distinct().Count());

        var lastmod = LastMod(sitemap, loc);
        Assert.Equal(InParis(published.GetProperty("updatedAt").GetDateTimeOffset()), lastmod);
        Assert.Equal(TimeSpan.FromHours(2), lastmod.Offset);
        Assert.All(sitemap.Root.Elements(), url => Assert.Equal([Sm + "loc", Sm + "lastmod"], url.Elements().Select(e => e.Name)));
    }

    [Fact]
    public async Task TopicAndAuthorSitemapsListOnlyThoseWithAPublishedArticleAsOfTheNewest()
    {
        var admin = await AdminAsync();
        await admin.CreateArticleAsync(Story("Older Atlas Story", "Ada Atlas", "Atlases", Now.AddHours(-30)));
        await admin.CreateArticleAsync(Story("Newer Atlas Story", "Ada Atlas", "Atlases", Now.AddHours(-3)));
        await admin.CreateArticleAsync(Story("Atlas Draft", "Dee Draftonly", "Draft Topic", status: "draft"));
        await admin.CreateArticleAsync(Story("Atlas Later", "Lee Later", "Later Topic", Now.AddHours(5), "scheduled"));
        var reader = app.CreateReaderClient();

        var topics = await reader.GetXmlAsync("/sitemaps/topics-1.xml");
        Assert.Contains(Site + "/topics/atlases/", Locs(topics));
        Assert.Equal(InParis(Now.AddHours(-3)), LastMod(topics, Site + "/topics/atlases/"));
        Assert.Equal(TimeSpan.FromHours(2), LastMod(topics, Site + "/topics/atlases/").Offset);
        Assert.DoesNotContain(Site + "/topics/draft-topic/", Locs(topics));
        Assert.DoesNotContain(Site + "/topics/later-topic/", Locs(topics));

        var authors = await reader.GetXmlAsync("/sitemaps/authors-1.xml");
        Assert.Contains(Site + "/authors/ada-atlas/", Locs(authors));
        Assert.Equal(InParis(Now.AddHours(-3)), LastMod(authors, Site + "/authors/ada-atlas/"));
        Assert.DoesNotContain(Site + "/authors/dee-draftonly/", Locs(authors));
        Assert.DoesNotContain(Site + "/authors/lee-later/", Locs(authors));
    }

    [Fact]
    public async Task TheIndexListsEverySitemapWithItsNewestChangeAndTheHomePageIsInThePagesSitemap()
    {
        var admin = await AdminAsync();
        await admin.CreateArticleAsync(Story("Index Story", "Ida Index", "Indexes"));
        var reader = app.CreateReaderClient();

        var response = await reader.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(Now, response.Content.Headers.LastModified);
        var index = XDocument.Parse(await response.Content.ReadAsStringAsync());
        AssertIsSitemapIndex(index);
        Assert.Equal(
            [Site + "/sitemaps/pages.xml", Site + "/sitemaps/articles-1.xml", Site + "/sitemaps/topics-1.xml", Site + "/sitemaps/authors-1.xml"],
            Locs(index));
        foreach (var loc in Locs(index))
        {
            // Every sitemap's newest entry is an article published at the frozen "now".
            Assert.Equal(InParis(Now), LastMod(index, loc));
            Assert.Equal(TimeSpan.FromHours(2), LastMod(index, loc).Offset);
        }

        var pages = await reader.GetXmlAsync("/sitemaps/pages.xml");
        Assert.Equal([Site + "/"], Locs(pages));
        Assert.Equal(InParis(Now), LastMod(pages, Site + "/"));
    }

    [Fact]
    public async Task TheNewsSitemapHasTheLastTwoDaysNewestFirstWithPublicationLanguageDateAndTitle()
    {
        var admin = await AdminAsync();
        const string Headline = "Markets & <b>Mayhem</b> \"rally\"";
        await admin.CreateArticleAsync(Story("Forty Nine Hours Old", "Nell News", "News Window", Now.AddHours(-49)));
        var recent = await admin.CreateArticleAsync(Story(Headline, "Nell News", "News Window", Now.AddHours(-47)));
        var latest = await admin.CreateArticleAsync(Story("One Hour Old", "Nell News", "News Window", Now.AddHours(-1)));
        await admin.CreateArticleAsync(Story("News Draft", "Nell News", "News Window", status: "draft"));
        await admin.CreateArticleAsync(Story("News Tomorrow", "Nell News", "News Window", Now.AddDays(1), "scheduled"));

        var news = await app.CreateReaderClient().GetXmlAsync("/news-sitemap.xml");
        Assert.Equal(Sm + "urlset", news.Root!.Name);
        Assert.Equal(News.NamespaceName, news.Root.Attribute(XNamespace.Xmlns + "news")!.Value);
        var urls = news.Root.Elements().ToList();
        Assert.All(urls, AssertIsNewsUrl);
        var titles = urls.Select(u => u.Element(News + "news")!.Element(News + "title")!.Value).ToList();
        Assert.DoesNotContain("Forty Nine Hours Old", titles);
        Assert.DoesNotContain("News Draft", titles);
        Assert.DoesNotContain("News Tomorrow", titles);
        var dates = urls.Select(u => W3c(u.Element(News + "news")!.Element(News + "publication_date")!.Value)).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
        Assert.True(titles.IndexOf("One Hour Old") < titles.IndexOf(Headline));

        var url = urls.Single(u => u.Element(Sm + "loc")!.Value == Site + Http.PathOf(recent));
        var entry = url.Element(News + "news")!;
        Assert.Equal("The Example & Co Times", entry.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", entry.Element(News + "publication")!.Element(News + "language")!.Value);
        var published = W3c(entry.Element(News + "publication_date")!.Value);
        Assert.Equal(InParis(recent.GetProperty("publishedAt").GetDateTimeOffset()), published);
        Assert.Equal(Now.AddHours(-47), published);
        Assert.Equal(TimeSpan.FromHours(1), published.Offset);
        Assert.Equal(Headline, entry.Element(News + "title")!.Value);
        Assert.Contains(urls, u => u.Element(Sm + "loc")!.Value == Site + Http.PathOf(latest));
    }

    [Fact]
    public async Task RobotsTxtKeepsCrawlersOutOfTheNewsroomAndNamesBothSitemaps()
    {
        var response = await app.CreateReaderClient().GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(
            """
            User-agent: *
            Disallow: /newsroom/
            Disallow: /api/
            Disallow: /comments/confirm
            Disallow: /comments/subscriptions/
            Disallow: /search
            Disallow: /*replyto=
            Disallow: /*held=

            Sitemap: https://news.example.org/sitemap.xml
            Sitemap: https://news.example.org/news-sitemap.xml

            """.ReplaceLineEndings("\n"),
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACachedSitemapShowsANewArticleOnceItIsPublished()
    {
        var admin = await AdminAsync();
        var first = await admin.CreateArticleAsync(Story("Cached Sitemap Story", "Cass Cache", "Caching"));
        var reader = app.CreateReaderClient();
        var firstLoc = Site + Http.PathOf(first);
        Assert.Contains(firstLoc, Locs(await reader.GetXmlAsync("/sitemaps/articles-1.xml")));
        Assert.Contains(firstLoc, Locs(await reader.GetXmlAsync("/news-sitemap.xml")));

        // Written behind the application's back: only an answer made afresh can show it.
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Articles
                .Where(a => a.Id == first.GetProperty("id").GetInt32())
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Slug, "renamed-behind-the-back"));
        }

        var renamedLoc = Site + "/2024/03/31/renamed-behind-the-back/";
        Assert.Contains(firstLoc, Locs(await reader.GetXmlAsync("/sitemaps/articles-1.xml")));
        Assert.DoesNotContain(renamedLoc, Locs(await reader.GetXmlAsync("/sitemaps/articles-1.xml")));
        Assert.DoesNotContain(renamedLoc, Locs(await reader.GetXmlAsync("/news-sitemap.xml")));

        var second = await admin.CreateArticleAsync(Story("Evicting Sitemap Story", "Cass Cache", "Caching"));
        var secondLoc = Site + Http.PathOf(second);
        var articles = Locs(await reader.GetXmlAsync("/sitemaps/articles-1.xml"));
        Assert.Contains(secondLoc, articles);
        Assert.Contains(renamedLoc, articles);
        Assert.DoesNotContain(firstLoc, articles);
        var news = Locs(await reader.GetXmlAsync("/news-sitemap.xml"));
        Assert.Contains(secondLoc, news);
        Assert.Contains(renamedLoc, news);
    }

    [Fact]
    public async Task SitemapsAndRobotsAnswerHeadAndNotModifiedFromTheEndpointAndFromTheCache()
    {
        var admin = await AdminAsync();
        var paths = new[] { "/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/articles-1.xml", "/sitemaps/topics-1.xml", "/sitemaps/authors-1.xml", "/news-sitemap.xml", "/robots.txt" };
        // Publishing evicts every list, so the first answers below are made by the endpoints.
        await admin.CreateArticleAsync(Story("Validator Story", "Val Idator", "Validators"));
        var reader = app.CreateReaderClient();
        foreach (var path in paths)
        {
            var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            var etag = head.Headers.ETag!;
            Assert.NotNull(etag);
            var contentType = path.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain; charset=utf-8" : "application/xml; charset=utf-8";
            Assert.Equal(contentType, head.Content.Headers.ContentType!.ToString());

            // Not cached for GET yet: the endpoint itself compares.
            Assert.Equal(HttpStatusCode.NotModified, (await Conditional(reader, path, r => r.Headers.IfNoneMatch.Add(etag))).StatusCode);

            var get = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal(etag, get.Headers.ETag);
            Assert.NotEmpty(await get.Content.ReadAsByteArrayAsync());

            // Cached now: the cache compares.
            Assert.Equal(HttpStatusCode.NotModified, (await Conditional(reader, path, r => r.Headers.IfNoneMatch.Add(etag))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Conditional(reader, path, r => r.Headers.IfNoneMatch.Add(new("\"stale\"")))).StatusCode);
            if (path != "/robots.txt")
            {
                var lastModified = get.Content.Headers.LastModified!.Value;
                Assert.Equal(Now, lastModified);
                Assert.Equal(HttpStatusCode.NotModified, (await Conditional(reader, path, r => r.Headers.IfModifiedSince = lastModified)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await Conditional(reader, path, r => r.Headers.IfModifiedSince = lastModified.AddSeconds(-1))).StatusCode);
            }
        }

        // A change gives a new ETag, and the old one no longer matches.
        var before = await reader.GetAsync("/sitemaps/articles-1.xml");
        await admin.CreateArticleAsync(Story("Validator Story Two", "Val Idator", "Validators"));
        var after = await Conditional(reader, "/sitemaps/articles-1.xml", r => r.Headers.IfNoneMatch.Add(before.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("validator-story-two", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SitemapAddressesKeepTheirFileNamesAndUnknownPagesAreNotFound()
    {
        var admin = await AdminAsync();
        await admin.CreateArticleAsync(Story("Address Story", "Addy Ress", "Addresses"));
        var reader = app.CreateReaderClient();
        foreach (var path in new[] { "/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/sitemaps/pages.xml", "/sitemaps/articles-1.xml", "/sitemaps/topics-1.xml", "/sitemaps/authors-1.xml" })
        {
            // No slash is appended to a file name.
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        }

        foreach (var path in new[]
        {
            "/sitemaps/articles-2.xml", "/sitemaps/articles-0.xml", "/sitemaps/articles-01.xml", "/sitemaps/articles--1.xml",
            "/sitemaps/articles-x.xml", "/sitemaps/articles-99999999999.xml", "/sitemaps/topics-2.xml", "/sitemaps/authors-2.xml",
            "/sitemaps/articles.xml", "/sitemaps/other-1.xml",
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, path))).StatusCode);
        }
    }

    [SkippableFact]
    public async Task EverySitemapIsValidAgainstTheSitemapsOrgSchema()
    {
        Skip.If(Corpus.Find(SchemaPath) is null, $"SKIPPED: ../shared/corpus/{SchemaPath} is not beside this clone, so the sitemaps were not checked against the schema.");
        var admin = await AdminAsync();
        await admin.CreateArticleAsync(Story("Schema Story", "Sid Schema", "Schemas"));
        var reader = app.CreateReaderClient();
        var index = await reader.GetXmlAsync("/sitemap.xml");
        AssertIsSitemapIndex(index);
        Assert.Equal(4, Locs(index).Count);
        foreach (var loc in Locs(index))
        {
            var sitemap = await reader.GetXmlAsync(new Uri(loc).AbsolutePath);
            Assert.Empty(SchemaErrors(sitemap)!);
        }

        // The news sitemap's core is a urlset too, though its news elements have no schema here.
        var news = await reader.GetXmlAsync("/news-sitemap.xml");
        foreach (var entry in news.Root!.Elements().SelectMany(u => u.Elements(News + "news")).ToList())
        {
            entry.Remove();
        }

        Assert.Empty(SchemaErrors(news)!);
    }

    private static void AssertIsNewsUrl(XElement url)
    {
        Assert.Equal(Sm + "url", url.Name);
        Assert.Equal([Sm + "loc", News + "news"], url.Elements().Select(e => e.Name));
        Assert.StartsWith(Site + "/", url.Element(Sm + "loc")!.Value, StringComparison.Ordinal);
        var news = url.Element(News + "news")!;
        Assert.Equal([News + "publication", News + "publication_date", News + "title"], news.Elements().Select(e => e.Name));
        Assert.Equal([News + "name", News + "language"], news.Element(News + "publication")!.Elements().Select(e => e.Name));
        Assert.NotEmpty(news.Element(News + "title")!.Value);
        W3c(news.Element(News + "publication_date")!.Value);
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient client, string path, Action<HttpRequestMessage> condition)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        condition(request);
        return client.SendAsync(request);
    }
}

public sealed class SitemapOnSqlite(SitemapSqliteApp app) : SitemapTests(app), IClassFixture<SitemapSqliteApp>;

public sealed class SitemapOnPostgres(SitemapPostgresApp app) : SitemapTests(app), IClassFixture<SitemapPostgresApp>;
