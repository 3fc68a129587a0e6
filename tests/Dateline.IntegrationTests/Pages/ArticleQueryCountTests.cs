using System.Net;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Pages;

/// <summary>
/// The cold path of an article page (the page cache off) runs the same number of database
/// commands whatever the size of its conversation: no query per comment, reply or commenter.
/// Commands are counted through EF's diagnostic events, only those run for the test's own
/// requests (the test server carries the test's async context into the app).
/// </summary>
public abstract class ArticleQueryCountTests : IDisposable
{
    // Not static: the SQLite and PostgreSQL classes may run at once, and each one's listener
    // hears every app's commands, so each may count only what its own test marked.
    private readonly AsyncLocal<StrongBox> counting = new();
    private readonly EfCommandEvents events;
    private readonly DatelineApp app;

    protected ArticleQueryCountTests(Provider provider)
    {
        app = new DatelineApp(provider) { PreserveExecutionContext = true };
        events = new EfCommandEvents(executed: () =>
        {
            if (counting.Value is { } counter)
            {
                Interlocked.Increment(ref counter.Count);
            }
        });
    }

    [Fact]
    public async Task AnArticleWithHundredsOfThreadedCommentsTakesNoMoreQueriesThanOneWithThree()
    {
        app.Settings["Dateline:PageCache"] = "false";
        app.Settings["Dateline:CommentPostsPerMinute"] = "100000";
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var settings = await admin.PutAsync("/api/newsroom/settings/discussion", System.Net.Http.Json.JsonContent.Create(
            new { requirePreviousApproval = false, floodSeconds = 0, holdLinkCount = 0, minimumSecondsToSubmit = 0, pageSize = 500 }));
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var topics = new[] { "Harbour", "Council" };
        await admin.CreateArticleAsync(new { headline = "Harbour council meets", authors = new[] { "Other Writer" }, topics, status = "published" });
        var article = await admin.CreateArticleAsync(new { headline = "Harbour council votes", authors = new[] { "Ana Writer", "Ben Writer" }, topics, status = "published" });
        var id = article.GetProperty("id").GetInt32();
        var path = Http.PathOf(article);
        var reader = app.CreateReaderClient();

        async Task PostThreadsAsync(int threads, int depth, string run)
        {
            for (var thread = 0; thread < threads; thread++)
            {
                int? parent = null;
                for (var level = 0; level < depth; level++)
                {
                    var posted = await reader.PostJsonAsync($"/api/articles/{id}/comments", new
                    {
                        body = $"Comment {run}-{thread}-{level}, in reply to the one above.",
                        name = $"Commenter {thread % 7}",
                        email = $"c{thread % 7}@example.org",
                        parentId = parent,
                    });
                    Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
                    parent = (await posted.JsonAsync()).GetProperty("id").GetInt32();
                }
            }
        }

        // The fewest of a few renders: a periodic refresh of settings can add a command to one.
        async Task<int> CommandsForPageAsync(int expectedComments)
        {
            var fewest = int.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var counter = new StrongBox();
                counting.Value = counter;
                var html = await reader.GetStringAsync(path);
                counting.Value = null!;
                Assert.Equal(expectedComments, System.Text.RegularExpressions.Regex.Count(html, "Comment [a-z]+-\\d+-\\d+, in reply"));
                fewest = Math.Min(fewest, counter.Count);
            }

            return fewest;
        }

        await PostThreadsAsync(1, 3, "few");
        var few = await CommandsForPageAsync(3);
        Assert.InRange(few, 1, 20);

        await PostThreadsAsync(60, 5, "many");
        var many = await CommandsForPageAsync(303);
        Assert.Equal(few, many);
    }

    public void Dispose()
    {
        events.Dispose();
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class StrongBox
    {
        public int Count;
    }
}

public sealed class ArticleQueryCountOnSqlite() : ArticleQueryCountTests(Provider.Sqlite);

public sealed class ArticleQueryCountOnPostgres() : ArticleQueryCountTests(Provider.Postgres);
