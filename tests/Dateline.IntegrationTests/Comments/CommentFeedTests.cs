using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Comments;

public abstract class CommentFeedTests(DatelineApp app)
{
    [Fact]
    public async Task ApprovedCommentsAppearInTheSiteAndArticleFeedsWithoutEmails()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { floodSeconds = 0 }));
        var article = await admin.CreateArticleAsync(new { headline = "Feed & <Friends>", authors = new[] { "F. Eed" }, status = "published" });
        var id = article.GetProperty("id").GetInt32();
        var path = Http.PathOf(article);
        var reader = app.CreateReaderClient();
        var approved = await (await reader.PostAsJsonAsync($"/api/articles/{id}/comments", new { body = "Approved <b>bold</b> words", name = "Fay <Feed>", email = "fay@example.org" })).JsonAsync();
        await admin.PostAsync($"/api/newsroom/comments/{approved.GetProperty("id").GetInt32()}/approve", null);
        await reader.PostAsJsonAsync($"/api/articles/{id}/comments", new { body = "Still held", name = "Hal", email = "hal@example.org" });

        foreach (var feedPath in new[] { "/comments/feed/", path + "feed/" })
        {
            var response = await reader.GetAsync(feedPath);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("fay@example.org", text, StringComparison.Ordinal);
            var rss = XDocument.Parse(text);
            Assert.Empty(FeedValidator.Rss(rss));
            Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
            var items = rss.Descendants("item").ToList();
            var item = items.Single(i => i.Element("link")!.Value.EndsWith($"{path}#comment-{approved.GetProperty("id").GetInt32()}", StringComparison.Ordinal));
            Assert.Equal("Comment on Feed & <Friends> by Fay <Feed>", item.Element("title")!.Value);
            Assert.Contains("<b>bold</b>", item.Element("description")!.Value, StringComparison.Ordinal);
            Assert.True(DateTimeOffset.TryParseExact(item.Element("pubDate")!.Value, "ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));
            Assert.DoesNotContain(items, i => i.Element("description")!.Value.Contains("Still held", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.MovedPermanently, (await reader.GetAsync("/comments/feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/2020/01/01/nothing/feed/")).StatusCode);
    }
}

public sealed class CommentFeedOnSqlite(SqliteApp app) : CommentFeedTests(app), IClassFixture<SqliteApp>;

public sealed class CommentFeedOnPostgres(PostgresApp app) : CommentFeedTests(app), IClassFixture<PostgresApp>;
