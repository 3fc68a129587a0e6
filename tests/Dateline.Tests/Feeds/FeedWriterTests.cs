using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Dateline.Features.Articles;
using Dateline.Features.Feeds;
using Dateline.Features.Media;
using Dateline.TestSupport;

namespace Dateline.Tests.Feeds;

/// <summary>
/// The three article feed formats, written from one fixed feed in a time zone east of UTC, are
/// compared with Fixtures/Feeds/site.*; a fixture changes only when the feed should.
/// </summary>
public sealed class FeedWriterTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static string FixturesFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Feeds");

    [Theory]
    [InlineData("site.rss")]
    [InlineData("site.atom")]
    [InlineData("site.json")]
    public void EachFormatMatchesItsGoldenFile(string name)
    {
        var actual = Encoding.UTF8.GetString(Write(name, Feed(fullContent: true)));
        // To regenerate the fixtures after a deliberate change, run the tests with UPDATE_GOLDEN=1
        // and read the difference before committing it.
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Fixtures", "Feeds", name);
            File.WriteAllText(source, actual + "\n");
        }

        var expected = File.ReadAllText(Path.Combine(FixturesFolder, name));
        Assert.Equal(expected.ReplaceLineEndings("\n").TrimEnd(), actual.ReplaceLineEndings("\n").TrimEnd());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheRssAndAtomFeedsAreValid(bool fullContent)
    {
        var feed = Feed(fullContent);
        Assert.Empty(FeedValidator.Rss(XDocument.Parse(Encoding.UTF8.GetString(RssArticleWriter.Write(feed)))));
        Assert.Empty(FeedValidator.Atom(XDocument.Parse(Encoding.UTF8.GetString(AtomArticleWriter.Write(feed, DateTime.UnixEpoch)))));
    }

    [Fact]
    public void AnImagesLengthIsKnownOnlyForTheFullSizeCopyOfAStoredItem()
    {
        MediaVariant[] variants =
        [
            new() { Width = 480, Height = 320, Path = "2023/03/ab-480.jpg" },
            new() { Width = 1200, Height = 800, Path = "2023/03/ab-1200.jpg" },
        ];
        Assert.Equal(new FeedImageFile("image/jpeg", 48213), FeedImageFile.Of("/media/2023/03/ab-1200.jpg", "image/jpeg", 48213, variants));
        Assert.Null(FeedImageFile.Of("/media/2023/03/ab-480.jpg", "image/jpeg", 48213, variants));
        Assert.Null(FeedImageFile.Of("https://example.org/ab-1200.jpg", "image/jpeg", 48213, variants));
        Assert.Null(FeedImageFile.Of("/media/2023/03/ab-1200.jpg", "image/jpeg", 0, variants));
        Assert.Null(FeedImageFile.Of("/media/2023/03/ab-1200.jpg", "image/jpeg", 48213, []));
    }

    [Fact]
    public void EmptyFeedsAreValid()
    {
        var channel = new FeedChannel("The Daily", "https://news.example.org/", "https://news.example.org/feed/", null, "en", null, Berlin);
        var feed = new ArticleFeed(channel, [], "https://news.example.org", FullContent: true);
        Assert.Empty(FeedValidator.Rss(XDocument.Parse(Encoding.UTF8.GetString(RssArticleWriter.Write(feed)))));
        Assert.Empty(FeedValidator.Atom(XDocument.Parse(Encoding.UTF8.GetString(AtomArticleWriter.Write(feed, DateTime.UnixEpoch)))));
    }

    [Fact]
    public void DatesCarryTheSiteZonesOffset()
    {
        var winter = new DateTime(2023, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var summer = new DateTime(2023, 7, 1, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal("Wed, 01 Mar 2023 09:00:00 +0100", FeedDates.Rfc822(winter, Berlin));
        Assert.Equal("Sat, 01 Jul 2023 10:00:00 +0200", FeedDates.Rfc822(summer, Berlin));
        Assert.Equal("2023-03-01T09:00:00+01:00", FeedDates.Rfc3339(winter, Berlin));
        Assert.Equal("Wed, 01 Mar 2023 08:00:00 GMT", FeedDates.Rfc822(winter, TimeZoneInfo.Utc));
        Assert.Equal("2023-03-01T08:00:00+00:00", FeedDates.Rfc3339(winter, TimeZoneInfo.Utc));
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Assert.Equal("Wed, 01 Mar 2023 03:00:00 -0500", FeedDates.Rfc822(winter, newYork));
    }

    [Fact]
    public void WithoutFullContentFeedsCarryTheDekAndNoBody()
    {
        var feed = Feed(fullContent: false);
        var rss = XDocument.Parse(Encoding.UTF8.GetString(RssArticleWriter.Write(feed)));
        Assert.Empty(rss.Descendants(XName.Get("encoded", FeedXml.ContentNamespace)));
        Assert.Equal("Dek &amp; &lt;dek&gt;", rss.Descendants("item").First().Element("description")!.Value);

        var atom = XDocument.Parse(Encoding.UTF8.GetString(AtomArticleWriter.Write(feed, DateTime.UnixEpoch)));
        Assert.Empty(atom.Descendants(XName.Get("content", FeedXml.AtomNamespace)));

        using var json = JsonDocument.Parse(JsonFeedWriter.Write(feed));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.False(i.TryGetProperty("content_html", out _)));
        Assert.Equal("Dek & <dek>", items[0].GetProperty("content_text").GetString());
        Assert.Equal("No Dek Here", items[1].GetProperty("content_text").GetString());
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheJsonFeedIsValidAgainstTheJsonFeedSchema(bool fullContent)
    {
        var path = Corpus.Find("feeds/jsonfeed-schema-v1.1.json");
        Skip.If(path is null, "The shared JSON Feed schema (shared/corpus/feeds/jsonfeed-schema-v1.1.json) is not present.");
        using var schema = JsonDocument.Parse(File.ReadAllText(path));
        using var feed = JsonDocument.Parse(JsonFeedWriter.Write(Feed(fullContent)));
        Assert.Empty(JsonSchemaCheck.Errors(schema.RootElement, feed.RootElement));
    }

    [SkippableFact]
    public void TheSchemaCheckRejectsWhatTheSchemaForbids()
    {
        var path = Corpus.Find("feeds/jsonfeed-schema-v1.1.json");
        Skip.If(path is null, "The shared JSON Feed schema (shared/corpus/feeds/jsonfeed-schema-v1.1.json) is not present.");
        using var schema = JsonDocument.Parse(File.ReadAllText(path));
        using var bad = JsonDocument.Parse("""
            { "version": "https://jsonfeed.org/version/2", "items": [{ "title": "no id, no content", "url": "relative", "authors": [{}], "extra": 1 }] }
            """);
        var errors = JsonSchemaCheck.Errors(schema.RootElement, bad.RootElement);
        Assert.Contains(errors, e => e.Contains("version", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("missing required 'title'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("missing required 'id'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("anyOf", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'relative' is not a uri", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("fewer than 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(".extra: not allowed", StringComparison.Ordinal));
    }

    private static byte[] Write(string name, ArticleFeed feed) => Path.GetExtension(name) switch
    {
        ".rss" => RssArticleWriter.Write(feed),
        ".atom" => AtomArticleWriter.Write(feed, DateTime.UnixEpoch),
        _ => JsonFeedWriter.Write(feed),
    };

    private static ArticleFeed Feed(bool fullContent)
    {
        var first = new FeedEntry(
            7,
            "Markets & <b>Mayhem</b> \"rally\" ]]>",
            "markets-mayhem",
            "Dek & <dek>",
            "<p>Shares were <strong>bold</strong> &amp; brave.</p>",
            [new NameView("Ann Feedwriter", "ann-feedwriter"), new NameView("Bo & <Co>", "bo-co")],
            [new NameView("Markets", "markets")],
            new NameView("Business", "business"),
            new FeedImage("/media/ab/traders.jpg", "Traders at desks", "Traders & brokers", "A. Photographer/Agency", 1200, 800, new FeedImageFile("image/jpeg", 48213)),
            new DateTime(2023, 3, 1, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2023, 3, 1, 9, 30, 0, DateTimeKind.Utc),
            new DateOnly(2023, 3, 1));
        var second = new FeedEntry(
            6, "No Dek Here", "no-dek-here", null, "<p>Plain.</p>", [], [], null, null,
            new DateTime(2023, 2, 28, 22, 45, 0, DateTimeKind.Utc),
            new DateTime(2023, 2, 28, 22, 0, 0, DateTimeKind.Utc),
            new DateOnly(2023, 2, 28));
        var channel = new FeedChannel("The <Daily> & Co", "https://news.example.org/", "https://news.example.org/feed/", "News & views", "en", first.Modified, Berlin);
        return new ArticleFeed(channel, [first, second], "https://news.example.org", fullContent);
    }
}
