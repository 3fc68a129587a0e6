using System.Globalization;
using System.Net;
using Dateline.TestSupport;
using static Dateline.IntegrationTests.Sitemaps.SitemapDocuments;

namespace Dateline.IntegrationTests.Sitemaps;

/// <summary>
/// HEAD on the feeds, sitemaps and robots.txt, on a real Kestrel socket so that the server's
/// own handling of HEAD (headers sent, body dropped) is what answers; and absolute URLs taken
/// from the request on a site with no configured address.
/// </summary>
public abstract class HeadRequestTests(KestrelApp app) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        app.StartServer();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FeedsSitemapsAndRobotsAnswerHeadWithTheHeadersOfTheirGetAndNoBody()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var article = await admin.CreateArticleAsync(new { headline = "Heads Up", authors = new[] { "Hedda Head" }, topics = new[] { "Heads" }, bodyMarkdown = "H.", status = "published" });
        var reader = app.CreateReaderClient();
        var paths = new[]
        {
            "/feed/", "/feed/atom/", "/feed.json", "/topics/heads/feed/", "/authors/hedda-head/feed/", "/comments/feed/", Http.PathOf(article) + "feed/",
            "/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/articles-1.xml", "/sitemaps/topics-1.xml", "/sitemaps/authors-1.xml", "/news-sitemap.xml", "/robots.txt",
        };
        foreach (var path in paths)
        {
            // HEAD first, then again from the cache; neither may leave GET without its body.
            var head = await HeadAsync(reader, path);
            var cachedHead = await HeadAsync(reader, path);
            var get = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            var body = await get.Content.ReadAsByteArrayAsync();
            Assert.NotEmpty(body);
            foreach (var answer in new[] { head, cachedHead })
            {
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)answer.StatusCode}");
                Assert.Empty(await answer.Content.ReadAsByteArrayAsync());
                Assert.Equal(get.Content.Headers.ContentType, answer.Content.Headers.ContentType);
                Assert.Equal(get.Headers.ETag, answer.Headers.ETag);
                Assert.Equal(get.Content.Headers.LastModified, answer.Content.Headers.LastModified);
                // A HEAD may leave the length out, as a streamed sitemap does, but never misstates it.
                if (answer.Content.Headers.NonValidated.TryGetValues("Content-Length", out var sent))
                {
                    Assert.Equal(body.Length.ToString(CultureInfo.InvariantCulture), sent.ToString());
                }
                else
                {
                    Assert.StartsWith("/sitemaps/", path, StringComparison.Ordinal);
                }
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await HeadAsync(reader, "/topics/no-such-topic/feed/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await HeadAsync(reader, "/sitemaps/articles-9.xml")).StatusCode);
    }

    [Fact]
    public async Task RobotsAndSitemapsTakeTheSiteAddressFromTheRequestWhenNoneIsSet()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var article = await admin.CreateArticleAsync(new { headline = "Addressed From The Request", authors = new[] { "Rita Quest" }, status = "published" });
        var reader = app.CreateReaderClient();
        var site = reader.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.StartsWith("http://127.0.0.1:", site, StringComparison.Ordinal);

        var robots = await reader.GetStringAsync("/robots.txt");
        Assert.EndsWith($"\nSitemap: {site}/sitemap.xml\nSitemap: {site}/news-sitemap.xml\n", robots, StringComparison.Ordinal);
        var index = await reader.GetXmlAsync("/sitemap.xml");
        Assert.All(Locs(index), loc => Assert.StartsWith(site + "/sitemaps/", loc, StringComparison.Ordinal));
        Assert.Contains(site + Http.PathOf(article), Locs(await reader.GetXmlAsync("/sitemaps/articles-1.xml")));
        Assert.Contains(site + Http.PathOf(article), Locs(await reader.GetXmlAsync("/news-sitemap.xml")));
    }

    private static Task<HttpResponseMessage> HeadAsync(HttpClient client, string path) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
}

public sealed class HeadRequestsOnSqlite(KestrelSqliteApp app) : HeadRequestTests(app), IClassFixture<KestrelSqliteApp>;

public sealed class HeadRequestsOnPostgres(KestrelPostgresApp app) : HeadRequestTests(app), IClassFixture<KestrelPostgresApp>;
