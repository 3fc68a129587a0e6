using System.Text;
using Dateline.Features.Sitemaps;

namespace Dateline.Tests.Sitemaps;

/// <summary>
/// The sitemap index, a urlset and the Google News sitemap, written from fixed data in a time
/// zone east of UTC, are compared with Fixtures/Sitemaps/*; a fixture changes only when the
/// document should.
/// </summary>
public sealed class SitemapWriterTests
{
    private const string Site = "https://news.example.org";
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTime Winter = new(2023, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Summer = new(2023, 7, 1, 8, 30, 15, DateTimeKind.Utc);

    [Fact]
    public void TheIndexMatchesItsGoldenFile() =>
        AssertGolden("index.xml", SitemapXml.Index(Site, Berlin,
        [
            new(SitemapEndpoints.PagesPath, Summer),
            new(SitemapEndpoints.ArticlesPath(1), Winter),
            new(SitemapEndpoints.ArticlesPath(2), Summer),
            new(SitemapEndpoints.TopicsPath(1), null),
        ]));

    [Fact]
    public async Task AUrlSetMatchesItsGoldenFile()
    {
        using var stream = new MemoryStream();
        await SitemapXml.WriteUrlSetAsync(stream, Site, Berlin, Urls(), CancellationToken.None);
        AssertGolden("urlset.xml", stream.ToArray());
    }

    [Fact]
    public void TheNewsSitemapMatchesItsGoldenFile() =>
        AssertGolden("news.xml", SitemapXml.News(Site, Berlin, "The Example & <Co> Times", "en",
        [
            new(new DateOnly(2023, 7, 1), "second-story", "Markets & <b>Mayhem</b> \"rally\"", Summer, Summer),
            new(new DateOnly(2023, 3, 1), "first-story", "First Story", Winter, Summer),
        ]));

    private static async IAsyncEnumerable<SitemapUrl> Urls()
    {
        await Task.Yield();
        yield return new SitemapUrl("/", Summer);
        yield return new SitemapUrl("/2023/03/01/first-story/", Winter);
        yield return new SitemapUrl("/topics/" + Uri.EscapeDataString("économie") + "/", Summer);
        yield return new SitemapUrl("/authors/no-date/", null);
    }

    private static void AssertGolden(string name, byte[] document)
    {
        var actual = Encoding.UTF8.GetString(document);
        Assert.DoesNotContain('\uFEFF', actual);
        // To regenerate the fixtures after a deliberate change, run the tests with UPDATE_GOLDEN=1
        // and read the difference before committing it.
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Fixtures", "Sitemaps", name), actual + "\n");
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Sitemaps", name));
        Assert.Equal(expected.ReplaceLineEndings("\n").TrimEnd(), actual.ReplaceLineEndings("\n").TrimEnd());
    }
}
