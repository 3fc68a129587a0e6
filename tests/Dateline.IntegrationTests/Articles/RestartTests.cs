using System.Net;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Articles;

public abstract class RestartTests(Provider provider)
{
    [Fact]
    public async Task ArticlesAndKeysSurviveARestartOnTheSameData()
    {
        using var database = new TestDatabase(provider);
        string key;
        string path;
        await using (var first = new DatelineApp(database))
        {
            key = await first.CreateApiKeyAsync("editor");
            var created = await first.CreateClient(key).CreateArticleAsync(new
            {
                headline = "Still Here After A Restart",
                authors = new[] { "Rita Restart" },
                topics = new[] { "Persistence" },
                image = new { url = "/media/p.jpg", alt = "alt", credit = "P. Hotographer/Wire" },
                credits = new[] { "Someone contributed reporting." },
                status = "published",
            });
            path = Http.PathOf(created);
        }

        await using var second = new DatelineApp(database);
        var reader = second.CreateReaderClient();
        var page = await reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await page.HtmlAsync();
        Assert.Equal("P. Hotographer/Wire", document.QuerySelector("figcaption .credit")!.TextContent);
        Assert.Contains("Still Here After A Restart", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/topics/persistence/")).StatusCode);
        var stillAuthorized = await second.CreateClient(key).PatchJsonAsync("/api/newsroom/articles/1", new { dek = "Edited after restart." });
        Assert.Equal(HttpStatusCode.OK, stillAuthorized.StatusCode);
    }
}

public sealed class RestartOnSqlite() : RestartTests(Provider.Sqlite);

public sealed class RestartOnPostgres() : RestartTests(Provider.Postgres);
