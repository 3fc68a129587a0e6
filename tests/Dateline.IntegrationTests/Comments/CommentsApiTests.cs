using System.Net;
using System.Text.Json;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Comments;

public abstract class CommentsApiTests(DatelineApp app)
{
    private async Task<(HttpClient Editor, int ArticleId, string Path)> ArticleAsync(bool commentsOpen = true)
    {
        var editor = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var article = await editor.CreateArticleAsync(new { headline = $"Talk About It {Guid.NewGuid():N}", authors = new[] { "Host" }, status = "published", commentsOpen });
        return (editor, article.GetProperty("id").GetInt32(), Http.PathOf(article));
    }

    // Each test posts from its own pretend address, so that the flood rule does not couple tests.
    private HttpClient Reader(string ip)
    {
        var client = app.CreateReaderClient();
        client.DefaultRequestHeaders.Add(TestRemoteIp.Header, ip);
        return client;
    }

    private static object Comment(string body, string name = "Reader", string? email = null, int? parentId = null, string? url = null) =>
        new { body, name, email = email ?? $"{Guid.NewGuid():N}@example.org", parentId, url };

    [Fact]
    public async Task AFirstCommentIsHeldAndInvisibleUntilAModeratorApprovesIt()
    {
        var (editor, id, path) = await ArticleAsync();
        var reader = Reader("10.1.0.1");
        var response = await reader.PostJsonAsync($"/api/articles/{id}/comments", Comment("First!", email: "first@example.org"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var held = await response.JsonAsync();
        var commentId = held.GetProperty("id").GetInt32();
        Assert.False(held.TryGetProperty("email", out _));
        Assert.False(held.TryGetProperty("authorEmail", out _));

        Assert.Empty((await (await reader.GetAsync($"/api/articles/{id}/comments")).JsonAsync()).EnumerateArray());
        var queue = await (await editor.GetAsync("/api/newsroom/comments?status=held")).JsonAsync();
        var queued = queue.EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == commentId);
        Assert.Equal("first-comment", queued.GetProperty("reason").GetString());
        Assert.Equal("first@example.org", queued.GetProperty("authorEmail").GetString());

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/newsroom/comments/{commentId}/approve", null)).StatusCode);
        var thread = await (await reader.GetAsync($"/api/articles/{id}/comments")).JsonAsync();
        Assert.Equal("First!", thread[0].GetProperty("bodyHtml").GetString()!.Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal).Trim());
        var page = await (await reader.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.Contains($"id=\"comment-{commentId}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("first@example.org", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheFirstCommentRuleACleanCommentIsApprovedAtOnce()
    {
        var (editor, id, _) = await ArticleAsync();
        await SettingsAsync(editor, s => s with { RequirePreviousApproval = false });
        try
        {
            var response = await Reader("10.1.0.2").PostJsonAsync($"/api/articles/{id}/comments", Comment("Clean and approved."));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var links = await Reader("10.1.0.3").PostJsonAsync($"/api/articles/{id}/comments", Comment("See https://a.example and https://b.example"));
            Assert.Equal(HttpStatusCode.Accepted, links.StatusCode);
        }
        finally
        {
            await SettingsAsync(editor, _ => new DiscussionSettingsShape());
        }
    }

    [Fact]
    public async Task InvalidFieldsAreNamedTogether()
    {
        var (_, id, _) = await ArticleAsync();
        var response = await Reader("10.1.0.4").PostRawAsync($"/api/articles/{id}/comments", """{"body": "", "name": 5, "email": "not an address", "url": "javascript:alert(1)"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "body", "name", "email", "url" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} should be named: {errors}");
        }

        var tooLong = await Reader("10.1.0.5").PostJsonAsync($"/api/articles/{id}/comments", Comment(new string('x', 20_001)));
        Assert.True((await tooLong.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Fact]
    public async Task ClosedArticlesMissingArticlesDuplicatesAndFloodsAreRefused()
    {
        var (_, closedId, _) = await ArticleAsync(commentsOpen: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await Reader("10.1.0.6").PostJsonAsync($"/api/articles/{closedId}/comments", Comment("Hello"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader("10.1.0.6").PostJsonAsync("/api/articles/999999/comments", Comment("Hello"))).StatusCode);

        var (_, id, _) = await ArticleAsync();
        var reader = Reader("10.1.0.7");
        Assert.Equal(HttpStatusCode.Accepted, (await reader.PostJsonAsync($"/api/articles/{id}/comments", Comment("Same words", "Dup", "dup@example.org"))).StatusCode);
        var flood = await reader.PostJsonAsync($"/api/articles/{id}/comments", Comment("Other words", "Dup", "dup@example.org"));
        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        Assert.InRange(int.Parse(flood.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 15);
        var duplicate = await Reader("10.1.0.8").PostJsonAsync($"/api/articles/{id}/comments", Comment("Same words", "Dup", "DUP@example.org"));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task RepliesNestUnderApprovedParentsOnly()
    {
        var (editor, id, _) = await ArticleAsync();
        var parent = await (await Reader("10.1.0.9").PostJsonAsync($"/api/articles/{id}/comments", Comment("Parent"))).JsonAsync();
        var parentId = parent.GetProperty("id").GetInt32();
        var early = await Reader("10.1.0.10").PostJsonAsync($"/api/articles/{id}/comments", Comment("Reply to held", parentId: parentId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);

        await editor.PostAsync($"/api/newsroom/comments/{parentId}/approve", null);
        var reply = await (await Reader("10.1.0.11").PostJsonAsync($"/api/articles/{id}/comments", Comment("A reply", parentId: parentId))).JsonAsync();
        await editor.PostAsync($"/api/newsroom/comments/{reply.GetProperty("id").GetInt32()}/approve", null);
        var thread = await (await Reader("10.1.0.11").GetAsync($"/api/articles/{id}/comments")).JsonAsync();
        Assert.Equal(parentId, thread[0].GetProperty("id").GetInt32());
        Assert.Equal(reply.GetProperty("id").GetInt32(), thread[0].GetProperty("replies")[0].GetProperty("id").GetInt32());

        // Trashing the parent keeps the reply, under a placeholder.
        await editor.PostAsync($"/api/newsroom/comments/{parentId}/trash", null);
        thread = await (await Reader("10.1.0.11").GetAsync($"/api/articles/{id}/comments")).JsonAsync();
        Assert.True(thread[0].GetProperty("removed").GetBoolean());
        Assert.Equal("", thread[0].GetProperty("authorName").GetString());
        Assert.Equal(1, thread[0].GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task HoldAndDenyWordsRouteComments()
    {
        var (editor, id, _) = await ArticleAsync();
        await SettingsAsync(editor, s => s with { RequirePreviousApproval = false, HoldWords = ["casino"], DenyWords = ["виагра"] });
        try
        {
            var held = await (await Reader("10.1.0.12").PostJsonAsync($"/api/articles/{id}/comments", Comment("Visit my CASINO"))).JsonAsync();
            var denied = await Reader("10.1.0.13").PostJsonAsync($"/api/articles/{id}/comments", Comment("Купите ВИАГРА"));
            Assert.Equal(HttpStatusCode.Accepted, denied.StatusCode);
            var deniedId = (await denied.JsonAsync()).GetProperty("id").GetInt32();
            var queue = await (await editor.GetAsync("/api/newsroom/comments?status=held")).JsonAsync();
            Assert.Equal("hold-word:casino", queue.EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == held.GetProperty("id").GetInt32()).GetProperty("reason").GetString());
            var trash = await (await editor.GetAsync("/api/newsroom/comments?status=trash")).JsonAsync();
            Assert.Equal("deny-word:виагра", trash.EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == deniedId).GetProperty("reason").GetString());
        }
        finally
        {
            await SettingsAsync(editor, _ => new DiscussionSettingsShape());
        }
    }

    [Fact]
    public async Task ModerationNeedsAModeratorKey()
    {
        var author = app.CreateClient(await app.CreateApiKeyAsync("author"));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync("/api/newsroom/comments")).StatusCode);
        var moderator = app.CreateClient(await app.CreateApiKeyAsync("moderator"));
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/api/newsroom/comments?status=spam")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await moderator.GetAsync("/api/newsroom/comments?status=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsync("/api/newsroom/comments/999999/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/api/newsroom/settings/discussion")).StatusCode);
    }

    [Fact]
    public async Task DiscussionSettingsHaveWordPressDefaultsAndRefuseNonsense()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var settings = await (await admin.GetAsync("/api/newsroom/settings/discussion")).JsonAsync();
        Assert.True(settings.GetProperty("requirePreviousApproval").GetBoolean());
        Assert.Equal(2, settings.GetProperty("holdLinkCount").GetInt32());
        Assert.Equal(5, settings.GetProperty("threadDepth").GetInt32());
        Assert.Equal(50, settings.GetProperty("pageSize").GetInt32());
        var bad = await admin.PutAsync("/api/newsroom/settings/discussion", System.Net.Http.Json.JsonContent.Create(new { threadDepth = 0, pageSize = 100000 }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("threadDepth", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    private static async Task SettingsAsync(HttpClient admin, Func<DiscussionSettingsShape, DiscussionSettingsShape> change)
    {
        var current = JsonSerializer.Deserialize<DiscussionSettingsShape>(await admin.GetStringAsync("/api/newsroom/settings/discussion"), JsonSerializerOptions.Web)!;
        var response = await admin.PutAsync("/api/newsroom/settings/discussion", System.Net.Http.Json.JsonContent.Create(change(current)));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NewArticlesFollowTheCommentsOpenByDefaultSetting()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var put = await admin.PutAsync("/api/newsroom/settings/discussion", System.Net.Http.Json.JsonContent.Create(new { commentsOpenByDefault = false }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        try
        {
            var closed = await admin.CreateArticleAsync(new { headline = $"Closed By Default {Guid.NewGuid():N}", authors = new[] { "Host" }, status = "published" });
            Assert.False(closed.GetProperty("commentsOpen").GetBoolean());
            var refused = await Reader("10.3.9.1").PostJsonAsync($"/api/articles/{closed.GetProperty("id").GetInt32()}/comments", Comment("Anyone there?"));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

            var chosen = await admin.CreateArticleAsync(new { headline = $"Opened On Purpose {Guid.NewGuid():N}", authors = new[] { "Host" }, status = "published", commentsOpen = true });
            Assert.True(chosen.GetProperty("commentsOpen").GetBoolean());
        }
        finally
        {
            await admin.PutAsync("/api/newsroom/settings/discussion", System.Net.Http.Json.JsonContent.Create(new DiscussionSettingsShape()));
        }

        var open = await admin.CreateArticleAsync(new { headline = $"Open By Default {Guid.NewGuid():N}", authors = new[] { "Host" }, status = "published" });
        Assert.True(open.GetProperty("commentsOpen").GetBoolean());
    }
}

public sealed class CommentsApiOnSqlite(SqliteApp app) : CommentsApiTests(app), IClassFixture<SqliteApp>;

public sealed class CommentsApiOnPostgres(PostgresApp app) : CommentsApiTests(app), IClassFixture<PostgresApp>;
