using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Dateline.IntegrationTests.Media;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Feeds;

/// <summary>The site, topic and author article feeds, parsed as a feed reader would.</summary>
public abstract class FeedTests(DatelineApp app)
{
    private const string HostileHeadline = "Markets & <b>Mayhem</b> \"rally\" ]]> <script>alert(1)</script>";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    [Fact]
    public async Task TheRssFeedCarriesPublishedArticlesWithEveryPartEscaped()
    {
        var (article, path) = await PublishStoryAsync();
        var reader = app.CreateReaderClient();

        var response = await reader.GetAsync("/feed/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(FeedValidator.Rss(rss));
        Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
        var channel = rss.Root.Element("channel")!;
        Assert.Equal("Dateline", channel.Element("title")!.Value);
        Assert.True(Uri.IsWellFormedUriString(channel.Element("link")!.Value, UriKind.Absolute));
        Assert.Equal("News, as it happens", channel.Element("description")!.Value);
        Assert.Equal("en", channel.Element("language")!.Value);
        Assert.Equal("Dateline", channel.Element("generator")!.Value);
        var self = channel.Element(Atom + "link")!;
        Assert.Equal("self", self.Attribute("rel")!.Value);
        Assert.EndsWith("/feed/", self.Attribute("href")!.Value, StringComparison.Ordinal);
        Rfc822(channel.Element("lastBuildDate")!.Value);

        var item = channel.Elements("item").Single(i => i.Element("link")!.Value.EndsWith(path, StringComparison.Ordinal));
        Assert.Equal(HostileHeadline, item.Element("title")!.Value);
        var link = item.Element("link")!.Value;
        Assert.True(Uri.IsWellFormedUriString(link, UriKind.Absolute));
        Assert.Equal(link, item.Element("guid")!.Value);
        Assert.Equal("true", item.Element("guid")!.Attribute("isPermaLink")!.Value);
        Assert.Equal(Seconds(article.GetProperty("publishedAt").GetDateTimeOffset()), Rfc822(item.Element("pubDate")!.Value));
        Assert.Equal(["Ann Feedwriter", "Bo & <Co>"], item.Elements(Dc + "creator").Select(c => c.Value));
        Assert.Contains("Feed Markets", item.Elements("category").Select(c => c.Value));
        Assert.Contains("Business", item.Elements("category").Select(c => c.Value));
        Assert.Equal("Dek &amp; &lt;dek&gt;", item.Element("description")!.Value);
        Assert.Contains("<strong>bold</strong>", item.Element(Content + "encoded")!.Value, StringComparison.Ordinal);
        var image = item.Element(Media + "content")!;
        Assert.Equal("https://example.org/traders.jpg", image.Attribute("url")!.Value);
        // An image elsewhere has no length the site could vouch for, so no enclosure.
        Assert.Null(item.Element("enclosure"));
        Assert.Equal("Traders & brokers", image.Element(Media + "description")!.Value);

        var all = string.Join(" ", channel.Elements("item").Select(i => i.Element("title")!.Value));
        Assert.DoesNotContain("Draft Feed Story", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Future Feed Story", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAtomFeedIsAtomWithRfc3339Times()
    {
        var (article, path) = await PublishStoryAsync();
        var response = await app.CreateReaderClient().GetAsync("/feed/atom/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Empty(FeedValidator.Atom(document));
        var feed = document.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("Dateline", feed.Element(Atom + "title")!.Value);
        Assert.Equal("News, as it happens", feed.Element(Atom + "subtitle")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "id")!.Value);
        Rfc3339(feed.Element(Atom + "updated")!.Value);
        Assert.EndsWith("/feed/atom/", feed.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "self").Attribute("href")!.Value, StringComparison.Ordinal);

        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value.EndsWith(path, StringComparison.Ordinal));
        Assert.Equal(HostileHeadline, entry.Element(Atom + "title")!.Value);
        var url = entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value;
        Assert.Equal(entry.Element(Atom + "id")!.Value, url);
        var published = article.GetProperty("publishedAt").GetDateTimeOffset();
        Assert.Equal(Seconds(published), Rfc3339(entry.Element(Atom + "published")!.Value));
        Assert.True(Rfc3339(entry.Element(Atom + "updated")!.Value) >= Seconds(published));
        var authors = entry.Elements(Atom + "author").ToList();
        Assert.Equal(["Ann Feedwriter", "Bo & <Co>"], authors.Select(a => a.Element(Atom + "name")!.Value));
        Assert.All(authors, a => Assert.Contains("/authors/", a.Element(Atom + "uri")!.Value, StringComparison.Ordinal));
        Assert.Contains("Feed Markets", entry.Elements(Atom + "category").Select(c => c.Attribute("term")!.Value));
        Assert.Equal("Dek & <dek>", entry.Element(Atom + "summary")!.Value);
        Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        Assert.Contains("<strong>bold</strong>", entry.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal("https://example.org/traders.jpg", entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "enclosure").Attribute("href")!.Value);
        Assert.DoesNotContain(feed.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value is "Draft Feed Story" or "Future Feed Story");
    }

    [Fact]
    public async Task AMediaLibraryLeadImageIsAnEnclosureAsLongAsTheBytesServedAtItsUrl()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var media = await admin.UploadImageAsync(TestImages.Jpeg(1200, 800), "enclosure.jpg");
        var mediaId = media.GetProperty("id").GetInt32();
        await admin.PatchJsonAsync($"/api/newsroom/media/{mediaId}", new { alt = "A test card" });
        var article = await admin.CreateArticleAsync(new { headline = "Enclosed Picture", authors = new[] { "Ena Closure" }, bodyMarkdown = "E.", image = new { mediaId }, status = "published" });
        var reader = app.CreateReaderClient();

        var rss = XDocument.Parse(await reader.GetStringAsync("/authors/ena-closure/feed/"));
        Assert.Empty(FeedValidator.Rss(rss));
        var item = rss.Descendants("item").Single();
        var enclosure = item.Element("enclosure")!;
        var url = enclosure.Attribute("url")!.Value;
        Assert.Equal(media.GetProperty("url").GetString(), new Uri(url).AbsolutePath);
        var served = await reader.GetAsync(new Uri(url).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length.ToString(CultureInfo.InvariantCulture), enclosure.Attribute("length")!.Value);
        Assert.Equal(served.Content.Headers.ContentType!.MediaType, enclosure.Attribute("type")!.Value);
        Assert.Equal("image/jpeg", enclosure.Attribute("type")!.Value);
        var content = item.Element(Media + "content")!;
        Assert.Equal(url, content.Attribute("url")!.Value);
        Assert.Equal(bytes.Length.ToString(CultureInfo.InvariantCulture), content.Attribute("fileSize")!.Value);
        Assert.Equal("image/jpeg", content.Attribute("type")!.Value);

        var atom = XDocument.Parse(await reader.GetStringAsync("/feed/atom/"));
        Assert.Empty(FeedValidator.Atom(atom));
        var entry = atom.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value.EndsWith(Http.PathOf(article), StringComparison.Ordinal));
        var link = entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "enclosure");
        Assert.Equal(url, link.Attribute("href")!.Value);
        Assert.Equal(bytes.Length.ToString(CultureInfo.InvariantCulture), link.Attribute("length")!.Value);
        Assert.Equal("image/jpeg", link.Attribute("type")!.Value);
    }

    [Fact]
    public async Task TheJsonFeedFollowsJsonFeedOnePointOne()
    {
        var (article, path) = await PublishStoryAsync();
        var response = await app.CreateReaderClient().GetAsync("/feed.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/feed+json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var feed = await response.JsonAsync();

        if (Corpus.Find("feeds/jsonfeed-schema-v1.1.json") is { } schemaFile)
        {
            using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(schemaFile));
            Assert.Empty(JsonSchemaCheck.Errors(schema.RootElement, feed));
        }

        // The spec's rules, whether or not the schema is at hand.
        Assert.Equal("https://jsonfeed.org/version/1.1", feed.GetProperty("version").GetString());
        Assert.Equal("Dateline", feed.GetProperty("title").GetString());
        Assert.True(Uri.IsWellFormedUriString(feed.GetProperty("home_page_url").GetString(), UriKind.Absolute));
        Assert.EndsWith("/feed.json", feed.GetProperty("feed_url").GetString(), StringComparison.Ordinal);
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i =>
        {
            Assert.Equal(JsonValueKind.String, i.GetProperty("id").ValueKind);
            Assert.True(i.TryGetProperty("content_html", out _) || i.TryGetProperty("content_text", out _));
        });
        var item = items.Single(i => i.GetProperty("url").GetString()!.EndsWith(path, StringComparison.Ordinal));
        Assert.Equal(item.GetProperty("url").GetString(), item.GetProperty("id").GetString());
        Assert.Equal(HostileHeadline, item.GetProperty("title").GetString());
        Assert.Equal("Dek & <dek>", item.GetProperty("summary").GetString());
        Assert.Contains("<strong>bold</strong>", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://example.org/traders.jpg", item.GetProperty("image").GetString());
        Assert.Equal(Seconds(article.GetProperty("publishedAt").GetDateTimeOffset()), Rfc3339(item.GetProperty("date_published").GetString()!));
        Rfc3339(item.GetProperty("date_modified").GetString()!);
        var authors = item.GetProperty("authors").EnumerateArray().ToList();
        Assert.Equal(["Ann Feedwriter", "Bo & <Co>"], authors.Select(a => a.GetProperty("name").GetString()));
        Assert.All(authors, a => Assert.True(Uri.IsWellFormedUriString(a.GetProperty("url").GetString(), UriKind.Absolute)));
        Assert.Contains("Feed Markets", item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain(items, i => i.GetProperty("title").GetString() is "Draft Feed Story" or "Future Feed Story");
    }

    [Fact]
    public async Task ANewlyPublishedArticleIsInTheCachedFeedsAtOnce()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var reader = app.CreateReaderClient();
        foreach (var feed in new[] { "/feed/", "/feed/atom/", "/feed.json" })
        {
            await reader.GetStringAsync(feed);
            await reader.GetStringAsync(feed);
        }

        await admin.CreateArticleAsync(new { headline = "Fresh Off The Press", authors = new[] { "Nia New" }, bodyMarkdown = "New.", status = "published" });

        foreach (var feed in new[] { "/feed/", "/feed/atom/", "/feed.json" })
        {
            Assert.Contains("Fresh Off The Press", await reader.GetStringAsync(feed), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FeedsAnswerNotModifiedToTheirOwnValidatorsFromTheCacheAndAfterAChange()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        await admin.CreateArticleAsync(new { headline = "Validator Story", authors = new[] { "Val Idator" }, bodyMarkdown = "V.", status = "published" });
        var reader = app.CreateReaderClient();
        foreach (var feed in new[] { "/feed/", "/feed/atom/", "/feed.json", "/authors/val-idator/feed/" })
        {
            var first = await reader.GetAsync(feed);
            var etag = first.Headers.ETag!;
            var lastModified = first.Content.Headers.LastModified!.Value;

            // Served from the output cache: the second plain request is a hit.
            var cached = await reader.GetAsync(feed);
            Assert.Equal(etag, cached.Headers.ETag);

            Assert.Equal(HttpStatusCode.NotModified, (await Conditional(reader, feed, r => r.Headers.IfNoneMatch.Add(etag))).StatusCode);
            Assert.Equal(HttpStatusCode.NotModified, (await Conditional(reader, feed, r => r.Headers.IfModifiedSince = lastModified)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Conditional(reader, feed, r => r.Headers.IfNoneMatch.Add(new("\"stale\"")))).StatusCode);
        }

        await admin.CreateArticleAsync(new { headline = "Changes Everything", authors = new[] { "Val Idator" }, bodyMarkdown = "C.", status = "published" });
        var before = await reader.GetAsync("/feed/");
        await admin.CreateArticleAsync(new { headline = "Changes Everything Again", authors = new[] { "Val Idator" }, bodyMarkdown = "C.", status = "published" });

        // Evicted, so the endpoint itself answers: an old ETag gets the new feed.
        var changed = await Conditional(reader, "/feed/", r => r.Headers.IfNoneMatch.Add(before.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Changes Everything Again", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(before.Headers.ETag, changed.Headers.ETag);

        await admin.CreateArticleAsync(new { headline = "Once More", authors = new[] { "Val Idator" }, bodyMarkdown = "C.", status = "published" });
        var fresh = await Conditional(reader, "/feed/", r => r.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(HttpStatusCode.NotModified, fresh.StatusCode);
        Assert.NotNull(fresh.Headers.ETag);
    }

    [Fact]
    public async Task TopicAndAuthorFeedsListOnlyTheirOwnArticles()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        await admin.CreateArticleAsync(new { headline = "Rowing Result", authors = new[] { "Rowan Oar" }, topics = new[] { "Rowing" }, bodyMarkdown = "R.", status = "published" });
        await admin.CreateArticleAsync(new { headline = "Chess Result", authors = new[] { "Cass Mate" }, topics = new[] { "Chess" }, bodyMarkdown = "C.", status = "published" });
        await admin.CreateArticleAsync(new { headline = "Chess Draft", authors = new[] { "Cass Mate" }, topics = new[] { "Chess" }, bodyMarkdown = "C.", status = "draft" });
        var reader = app.CreateReaderClient();

        var topic = await reader.GetAsync("/topics/rowing/feed/");
        Assert.Equal("application/rss+xml; charset=utf-8", topic.Content.Headers.ContentType!.ToString());
        var rowingFeed = XDocument.Parse(await topic.Content.ReadAsStringAsync());
        Assert.Empty(FeedValidator.Rss(rowingFeed));
        var rowing = rowingFeed.Root!.Element("channel")!;
        Assert.Equal(["Rowing Result"], rowing.Elements("item").Select(i => i.Element("title")!.Value));
        Assert.EndsWith("/topics/rowing/", rowing.Element("link")!.Value, StringComparison.Ordinal);
        Assert.EndsWith("/topics/rowing/feed/", rowing.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);

        var chessFeed = XDocument.Parse(await reader.GetStringAsync("/authors/cass-mate/feed/"));
        Assert.Empty(FeedValidator.Rss(chessFeed));
        var chess = chessFeed.Root!.Element("channel")!;
        Assert.Equal(["Chess Result"], chess.Elements("item").Select(i => i.Element("title")!.Value));

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/topics/no-such-topic/feed/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/authors/no-such-author/feed/")).StatusCode);
        foreach (var (from, to) in new[] { ("/feed", "/feed/"), ("/feed/atom", "/feed/atom/"), ("/topics/rowing/feed", "/topics/rowing/feed/"), ("/authors/cass-mate/feed", "/authors/cass-mate/feed/") })
        {
            var redirect = await reader.GetAsync(from);
            Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
            Assert.Equal(to, redirect.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/feed.json")).StatusCode);

        // The same feeds in Atom and JSON Feed, under each page as the site's are under the root.
        var atom = await reader.GetAsync("/topics/rowing/feed/atom/");
        Assert.Equal("application/atom+xml; charset=utf-8", atom.Content.Headers.ContentType!.ToString());
        var rowingAtom = XDocument.Parse(await atom.Content.ReadAsStringAsync());
        Assert.Empty(FeedValidator.Atom(rowingAtom));
        Assert.Equal(["Rowing Result"], rowingAtom.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
        Assert.EndsWith("/topics/rowing/feed/atom/", rowingAtom.Root.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "self").Attribute("href")!.Value, StringComparison.Ordinal);
        var chessJson = await reader.GetAsync("/authors/cass-mate/feed.json");
        Assert.Equal("application/feed+json; charset=utf-8", chessJson.Content.Headers.ContentType!.ToString());
        var json = await chessJson.JsonAsync();
        Assert.Equal("https://jsonfeed.org/version/1.1", json.GetProperty("version").GetString());
        Assert.EndsWith("/authors/cass-mate/feed.json", json.GetProperty("feed_url").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Chess Result"], json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        if (Corpus.Find("feeds/jsonfeed-schema-v1.1.json") is { } schemaFile)
        {
            using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(schemaFile));
            Assert.Empty(JsonSchemaCheck.Errors(schema.RootElement, json));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/topics/no-such-topic/feed/atom/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/authors/no-such-author/feed.json")).StatusCode);
        var slashless = await reader.GetAsync("/topics/rowing/feed/atom");
        Assert.Equal(HttpStatusCode.MovedPermanently, slashless.StatusCode);
        Assert.Equal("/topics/rowing/feed/atom/", slashless.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task PagesOfferTheFeedsForAutoDiscovery()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        await admin.CreateArticleAsync(new { headline = "Discovery", authors = new[] { "Dee Scover" }, topics = new[] { "Discovery Topic" }, bodyMarkdown = "D.", status = "published" });
        var reader = app.CreateReaderClient();

        var home = await (await reader.GetAsync("/")).HtmlAsync();
        var links = home.QuerySelectorAll("head link[rel=alternate]").ToDictionary(l => l.GetAttribute("type")!, l => l.GetAttribute("href")!);
        Assert.EndsWith("/feed/", links["application/rss+xml"], StringComparison.Ordinal);
        Assert.EndsWith("/feed/atom/", links["application/atom+xml"], StringComparison.Ordinal);
        Assert.EndsWith("/feed.json", links["application/feed+json"], StringComparison.Ordinal);

        foreach (var archive in new[] { "/topics/discovery-topic/", "/authors/dee-scover/" })
        {
            var page = await (await reader.GetAsync(archive)).HtmlAsync();
            var feeds = page.QuerySelectorAll("head link[rel=alternate][type='application/rss+xml']").Select(l => new Uri(l.GetAttribute("href")!).AbsolutePath);
            Assert.Equal(["/feed/", archive + "feed/"], feeds);
            var atoms = page.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']").Select(l => new Uri(l.GetAttribute("href")!).AbsolutePath);
            Assert.Equal(["/feed/atom/", archive + "feed/atom/"], atoms);
            var jsons = page.QuerySelectorAll("head link[rel=alternate][type='application/feed+json']").Select(l => new Uri(l.GetAttribute("href")!).AbsolutePath);
            Assert.Equal(["/feed.json", archive + "feed.json"], jsons);
        }
    }

    private async Task<(JsonElement Article, string Path)> PublishStoryAsync()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var article = await admin.CreateArticleAsync(new
        {
            headline = HostileHeadline,
            dek = "Dek & <dek>",
            bodyMarkdown = "Shares were **bold** today.",
            authors = new[] { "Ann Feedwriter", "Bo & <Co>" },
            topics = new[] { "Feed Markets" },
            section = "Business",
            image = new { url = "https://example.org/traders.jpg", alt = "Traders at their desks", caption = "Traders & brokers", credit = "A. Photographer/Agency", width = 1200, height = 800 },
            status = "published",
        });
        await admin.CreateArticleAsync(new { headline = "Draft Feed Story", authors = new[] { "Ann Feedwriter" }, bodyMarkdown = "D.", status = "draft" });
        await admin.CreateArticleAsync(new { headline = "Future Feed Story", authors = new[] { "Ann Feedwriter" }, bodyMarkdown = "F.", status = "scheduled", publishedAt = DateTime.UtcNow.AddDays(1) });
        return (article, Http.PathOf(article));
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient client, string path, Action<HttpRequestMessage> condition)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        condition(request);
        return client.SendAsync(request);
    }

    private static DateTimeOffset Seconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    private static DateTimeOffset Rfc822(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2}) (GMT|[+-]\d{4})$");
        Assert.True(match.Success, $"'{text}' is not an RFC 822 date");
        var zone = match.Groups[2].Value == "GMT" ? "+00:00" : match.Groups[2].Value.Insert(3, ":");
        return DateTimeOffset.ParseExact($"{match.Groups[1].Value} {zone}", "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset Rfc3339(string text)
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }
}

public sealed class FeedOnSqlite(SqliteApp app) : FeedTests(app), IClassFixture<SqliteApp>;

public sealed class FeedOnPostgres(PostgresApp app) : FeedTests(app), IClassFixture<PostgresApp>;
