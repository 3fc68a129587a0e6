using System.Net;
using System.Text.Json;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Comments;

/// <summary>The "Leave a Reply" form as a browser without JavaScript uses it: POST /comments.</summary>
public abstract class CommentFormTests(DatelineApp app)
{
    private async Task<(HttpClient Admin, int Id, string Path)> ArticleAsync(bool commentsOpen = true)
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var article = await admin.CreateArticleAsync(new { headline = $"Form Story {Guid.NewGuid():N}", authors = new[] { "Host" }, status = "published", commentsOpen });
        return (admin, article.GetProperty("id").GetInt32(), Http.PathOf(article));
    }

    private HttpClient Browser(string ip)
    {
        var client = app.CreateReaderClient();
        client.DefaultRequestHeaders.Add(TestRemoteIp.Header, ip);
        return client;
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, int articleId, Dictionary<string, string> fields) =>
        browser.SubmitCommentFormAsync(path, articleId, fields);

    private static Dictionary<string, string> Fields(string body, string email, string name = "Rita Reader", string url = "") =>
        new() { ["body"] = body, ["name"] = name, ["email"] = email, ["url"] = url };

    private static async Task SettingsAsync(HttpClient admin, object settings)
    {
        var response = await admin.PutAsync("/api/newsroom/settings/discussion", System.Net.Http.Json.JsonContent.Create(settings));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAnswerToAPostLeadsToThePageOfCommentsThatShowsIt()
    {
        var (admin, id, path) = await ArticleAsync();
        await SettingsAsync(admin, new DiscussionSettingsShape { MinimumSecondsToSubmit = 0, RequirePreviousApproval = false, FloodSeconds = 0, PageSize = 2 });
        var browser = Browser("10.2.9.1");
        string Location(HttpResponseMessage posted)
        {
            Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
            return posted.Headers.Location!.OriginalString;
        }

        // While everything fits on one page, no page is named.
        var first = Location(await SubmitAsync(browser, path, id, Fields("First on the page.", "p1@example.org")));
        Assert.Matches(@"^[^?]+#comment-\d+$", first);
        Location(await SubmitAsync(browser, path, id, Fields("Second on the page.", "p2@example.org")));
        var third = Location(await SubmitAsync(browser, path, id, Fields("Third, so on page two.", "p3@example.org")));
        Assert.Matches(@"\?cpage=2#comment-\d+$", third);

        // A reply is on its thread's page: the first thread is on page one.
        var firstId = first[(first.IndexOf('#', StringComparison.Ordinal) + "#comment-".Length)..];
        var replyFields = Fields("A reply to the first.", "p4@example.org");
        replyFields["parentId"] = firstId;
        var reply = Location(await browser.PostAsync("/comments", new FormUrlEncodedContent(new Dictionary<string, string>(replyFields)
        {
            ["articleId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["homepage"] = "",
        })));
        Assert.Matches(@"^[^?]+#comment-\d+$", reply);
        var page2 = await (await browser.GetAsync(path + "?cpage=2")).HtmlAsync();
        Assert.Contains("Third, so on page two.", page2.QuerySelector(".comment-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHeldCommentIsShownToItsAuthorAloneUntilApprovedAndThenTheBrowserIsTrusted()
    {
        var (admin, id, path) = await ArticleAsync();
        await SettingsAsync(admin, new DiscussionSettingsShape { MinimumSecondsToSubmit = 0 });
        var browser = Browser("10.2.0.1");
        var posted = await SubmitAsync(browser, path, id, Fields("My first thoughts.", "rita@example.org"));
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var location = posted.Headers.Location!.OriginalString;
        Assert.Matches(@"\?held=(\d+)#comment-\1$", location);
        Assert.StartsWith(path, location, StringComparison.Ordinal);
        var commentId = int.Parse(location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..location.IndexOf('#', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

        var own = await (await browser.GetAsync(location)).HtmlAsync();
        var mine = own.QuerySelector($"#comment-{commentId}")!;
        Assert.Equal("Your comment is awaiting moderation.", mine.QuerySelector(".awaiting-moderation")!.TextContent);
        Assert.Contains("My first thoughts.", mine.TextContent, StringComparison.Ordinal);
        var stranger = await (await Browser("10.2.0.2").GetAsync(location)).HtmlAsync();
        Assert.Null(stranger.QuerySelector($"#comment-{commentId}"));

        await admin.PostAsync($"/api/newsroom/comments/{commentId}/approve", null);
        var visible = await (await Browser("10.2.0.3").GetAsync(path)).HtmlAsync();
        Assert.NotNull(visible.QuerySelector($"#comment-{commentId}"));

        // The same browser and address are now trusted; a stranger typing the address is not.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await SettingsAsync(admin, new DiscussionSettingsShape { MinimumSecondsToSubmit = 0, FloodSeconds = 0 });
        var second = await SubmitAsync(browser, path, id, Fields("And a follow-up.", "RITA@example.org"));
        Assert.DoesNotContain("held=", second.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var impostor = await SubmitAsync(Browser("10.2.0.4"), path, id, Fields("I am Rita, honest.", "rita@example.org"));
        Assert.Contains("held=", impostor.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await SettingsAsync(admin, new DiscussionSettingsShape());
    }

    [Fact]
    public async Task AnInvalidCommentComesBackWithEveryErrorAndEverythingTyped()
    {
        var (_, id, path) = await ArticleAsync();
        var response = await SubmitAsync(Browser("10.2.0.5"), path, id, new()
        {
            ["body"] = "A long, careful comment that must not be lost.",
            ["name"] = "",
            ["email"] = "not-an-address",
            ["url"] = "ftp://files.example.org",
            ["remember"] = "yes",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.NotNull(page.QuerySelector("article h1"));
        Assert.Equal("A long, careful comment that must not be lost.", page.QuerySelector("textarea[name='body']")!.TextContent);
        Assert.Equal("not-an-address", page.QuerySelector("input[name='email']")!.GetAttribute("value"));
        Assert.Equal("ftp://files.example.org", page.QuerySelector("input[name='url']")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name='remember']")!.HasAttribute("checked"));
        Assert.NotNull(page.QuerySelector("#author-error"));
        Assert.NotNull(page.QuerySelector("#email-error"));
        Assert.NotNull(page.QuerySelector("#url-error"));
        Assert.Null(page.QuerySelector("#comment-error"));
    }

    [Fact]
    public async Task RefusedCommentsSayWhyAndGiveTheTextBack()
    {
        var (_, closedId, closedPath) = await ArticleAsync(commentsOpen: false);
        var closedPage = await (await Browser("10.2.0.6").GetAsync(closedPath)).HtmlAsync();
        Assert.Equal("Comments are closed.", closedPage.QuerySelector(".comments-closed")!.TextContent);
        var closed = await Browser("10.2.0.6").PostAsync("/comments", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["articleId"] = closedId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["body"] = "Words I typed for a closed article",
            ["name"] = "Late",
            ["email"] = "late@example.org",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, closed.StatusCode);
        var refusal = await closed.HtmlAsync();
        Assert.Equal("Words I typed for a closed article", refusal.QuerySelector("textarea")!.TextContent);

        var (_, id, path) = await ArticleAsync();
        var browser = Browser("10.2.0.7");
        Assert.Equal(HttpStatusCode.SeeOther, (await SubmitAsync(browser, path, id, Fields("One", "fast@example.org"))).StatusCode);
        var flood = await SubmitAsync(browser, path, id, Fields("Two, too soon", "fast@example.org"));
        Assert.Equal(HttpStatusCode.TooManyRequests, flood.StatusCode);
        Assert.True(flood.Headers.Contains("Retry-After"));
        Assert.Equal("Two, too soon", (await flood.HtmlAsync()).QuerySelector("textarea")!.TextContent);
    }

    [Fact]
    public async Task RobotsAreHeldQuietly()
    {
        var (admin, id, path) = await ArticleAsync();
        await SettingsAsync(admin, new DiscussionSettingsShape { RequirePreviousApproval = false, MinimumSecondsToSubmit = 3 });
        var fields = Fields("Buy things", "bot@example.org");
        fields["homepage"] = "http://spam.example";
        var trap = await SubmitAsync(Browser("10.2.0.8"), path, id, fields);
        Assert.Contains("held=", trap.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var fast = await SubmitAsync(Browser("10.2.0.9"), path, id, Fields("Typed in no time", "quick@example.org"));
        Assert.Contains("held=", fast.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var spam = JsonDocument.Parse(await admin.GetStringAsync("/api/newsroom/comments?status=spam")).RootElement;
        Assert.Contains(spam.EnumerateArray(), c => c.GetProperty("reason").GetString() == "honeypot");
        var queue = JsonDocument.Parse(await admin.GetStringAsync("/api/newsroom/comments?status=held")).RootElement;
        Assert.Contains(queue.EnumerateArray(), c => c.GetProperty("reason").GetString() == "too-fast");
        await SettingsAsync(admin, new DiscussionSettingsShape());
    }

    [Fact]
    public async Task RememberedDetailsFillTheFormNextTime()
    {
        var (admin, id, path) = await ArticleAsync();
        await SettingsAsync(admin, new DiscussionSettingsShape { MinimumSecondsToSubmit = 0 });
        var browser = Browser("10.2.0.10");
        var fields = Fields("Remember me", "mem@example.org", "Mem Ory", "mem.example.org");
        fields["remember"] = "yes";
        Assert.Equal(HttpStatusCode.SeeOther, (await SubmitAsync(browser, path, id, fields)).StatusCode);
        var form = await (await browser.GetAsync(path)).HtmlAsync();
        Assert.Equal("Mem Ory", form.QuerySelector("input[name='name']")!.GetAttribute("value"));
        Assert.Equal("mem@example.org", form.QuerySelector("input[name='email']")!.GetAttribute("value"));
        Assert.Equal("http://mem.example.org", form.QuerySelector("input[name='url']")!.GetAttribute("value"));
        Assert.True(form.QuerySelector("input[name='remember']")!.HasAttribute("checked"));

        // Another reader's page is not pre-filled.
        var other = await (await Browser("10.2.0.11").GetAsync(path)).HtmlAsync();
        Assert.Null(other.QuerySelector("input[name='email']")!.GetAttribute("value"));
        await SettingsAsync(admin, new DiscussionSettingsShape());
    }
}

public sealed class CommentFormOnSqlite(SqliteApp app) : CommentFormTests(app), IClassFixture<SqliteApp>;

public sealed class CommentFormOnPostgres(PostgresApp app) : CommentFormTests(app), IClassFixture<PostgresApp>;
