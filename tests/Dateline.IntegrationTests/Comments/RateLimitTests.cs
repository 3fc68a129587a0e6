using System.Net;
using System.Net.Http.Json;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Comments;

/// <summary>One allowance per address covers the form and the JSON API; a refused reader keeps the text.</summary>
public abstract class RateLimitTests(Provider provider)
{
    [Fact]
    public async Task AnAddressOverItsAllowanceGets429WithItsTextOnEitherWayIn()
    {
        using var database = new TestDatabase(provider);
        await using var app = new DatelineApp(database);
        app.Settings["Dateline:CommentPostsPerMinute"] = "3";
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { floodSeconds = 0, minimumSecondsToSubmit = 0 }));
        var article = await admin.CreateArticleAsync(new { headline = "Busy Thread", authors = new[] { "Someone" }, status = "published" });
        var (id, path) = (article.GetProperty("id").GetInt32(), Http.PathOf(article));
        var robot = app.CreateReaderClient();
        robot.DefaultRequestHeaders.Add(TestRemoteIp.Header, "10.9.0.1");
        Dictionary<string, string> Fields(int n) => new() { ["body"] = $"Message number {n}.", ["name"] = "Busy", ["email"] = "busy@example.org", ["url"] = "" };

        Assert.Equal(HttpStatusCode.SeeOther, (await robot.SubmitCommentFormAsync(path, id, Fields(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await robot.PostAsJsonAsync($"/api/articles/{id}/comments", new { body = "Message number 2.", name = "Busy", email = "busy@example.org" })).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await robot.SubmitCommentFormAsync(path, id, Fields(3))).StatusCode);

        var form = await robot.SubmitCommentFormAsync(path, id, Fields(4));
        Assert.Equal(HttpStatusCode.TooManyRequests, form.StatusCode);
        Assert.True(form.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Message number 4.", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var json = await robot.PostAsJsonAsync($"/api/articles/{id}/comments", new { body = "Message number 5.", name = "Busy", email = "busy@example.org" });
        Assert.Equal(HttpStatusCode.TooManyRequests, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);

        // Another address is not held back.
        var other = app.CreateReaderClient();
        other.DefaultRequestHeaders.Add(TestRemoteIp.Header, "10.9.0.2");
        Assert.Equal(HttpStatusCode.SeeOther, (await other.SubmitCommentFormAsync(path, id, Fields(6))).StatusCode);
    }
}

public sealed class RateLimitsOnSqlite() : RateLimitTests(Provider.Sqlite);

public sealed class RateLimitsOnPostgres() : RateLimitTests(Provider.Postgres);
