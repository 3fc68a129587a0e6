using System.Net.Http.Json;
using System.Text.Json;
using Dateline.TestSupport;
using Microsoft.Playwright;

namespace Dateline.BrowserTests;

public sealed class CommentTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // xUnit makes a new instance per test, so this holds one test's dialogs.
    private readonly System.Collections.Concurrent.ConcurrentBag<string> dialogs = [];

    private async Task<IPage> OpenAsync()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // Any dialog at all means script from a comment ran (the page's CSP should stop even that).
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        return page;
    }

    private async Task<HttpClient> AdminAsync() => fixture.App.CreateClient(await fixture.App.CreateApiKeyAsync("admin"));

    // Each test talks under its own article, so that threads and comment pages do not mix.
    private static async Task<(int Id, string Path)> ArticleAsync(HttpClient admin)
    {
        var article = await admin.CreateArticleAsync(new { headline = $"Discussion {Guid.NewGuid():N}", authors = new[] { "Host" }, bodyMarkdown = "Talk.", status = "published" });
        return (article.GetProperty("id").GetInt32(), Http.PathOf(article));
    }

    [Fact]
    public async Task ANewReadersCommentAwaitsModerationThenEveryoneSeesIt()
    {
        var admin = await AdminAsync();
        await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { minimumSecondsToSubmit = 0, floodSeconds = 0 }));
        var (_, path) = await ArticleAsync(admin);
        var reader = await OpenAsync();
        await reader.GotoAsync(fixture.BaseUrl + path);
        await reader.Locator("#comment").FillAsync("The bakery's rye is back, and so are we.");
        await reader.Locator("#author").FillAsync("Nora Neighbor");
        await reader.Locator("#email").FillAsync("nora@example.org");
        await reader.GetByRole(AriaRole.Button, new() { Name = "Post Comment" }).ClickAsync();
        await BrowserSession.ArriveAsync(reader, new System.Text.RegularExpressions.Regex(@"\?held=\d+#comment-\d+$"));
        var mine = reader.Locator(".comment", new() { HasTextString = "The bakery's rye is back" });
        Assert.Equal("Your comment is awaiting moderation.", await mine.Locator(".awaiting-moderation").InnerTextAsync());

        var other = await OpenAsync();
        await other.GotoAsync(fixture.BaseUrl + path);
        Assert.Equal(0, await other.Locator(".comment", new() { HasTextString = "The bakery's rye is back" }).CountAsync());

        var queue = JsonDocument.Parse(await admin.GetStringAsync("/api/newsroom/comments?status=held")).RootElement;
        var id = queue.EnumerateArray().Single(c => c.GetProperty("authorName").GetString() == "Nora Neighbor").GetProperty("id").GetInt32();
        Assert.True((await admin.PostAsync($"/api/newsroom/comments/{id}/approve", null)).IsSuccessStatusCode);

        await other.ReloadAsync();
        var approved = other.Locator($"#comment-{id}");
        Assert.Contains("The bakery's rye is back", await approved.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await approved.Locator(".awaiting-moderation").CountAsync());
        Assert.DoesNotContain("nora@example.org", await other.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyMovesTheFormUnderTheCommentWithJavaScript()
    {
        var admin = await AdminAsync();
        await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { floodSeconds = 0 }));
        var (articleId, path) = await ArticleAsync(admin);
        var posted = await fixture.App.CreateReaderClient().PostAsJsonAsync($"/api/articles/{articleId}/comments",
            new { body = "A comment to answer.", name = "Ask Er", email = "ask@example.org" });
        var id = (await posted.JsonAsync()).GetProperty("id").GetInt32();
        await admin.PostAsync($"/api/newsroom/comments/{id}/approve", null);

        var page = await OpenAsync();
        await page.GotoAsync(fixture.BaseUrl + path);
        await page.Locator($"#comment-{id} a.comment-reply").ClickAsync();
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#respond input[name='parentId']").InputValueAsync());
        Assert.Equal(1, await page.Locator($"#comment-{id} #respond").CountAsync());
        Assert.True(await page.Locator("#comment").EvaluateAsync<bool>("e => document.activeElement === e"));
        await page.Locator(".cancel-reply").ClickAsync();
        Assert.Equal("", await page.Locator("#respond input[name='parentId']").InputValueAsync());
        Assert.Equal(0, await page.Locator($"#comment-{id} #respond").CountAsync());
    }

    [Fact]
    public async Task HostileCommentsNeverRunInTheBrowser()
    {
        var admin = await AdminAsync();
        await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { requirePreviousApproval = false, holdLinkCount = 0, floodSeconds = 0, pageSize = 500 }));
        var (articleId, path) = await ArticleAsync(admin);
        var payloads = new List<string>
        {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>",
            "<a href=\"javascript:alert(3)\">click</a>",
            "<svg onload=alert(4)>",
            "<iframe src=\"javascript:alert(5)\"></iframe>",
            "\"><script>alert(6)</script>",
            "<details open ontoggle=alert(7)>",
        };
        if (Corpus.Find("xss/payloads.txt") is { } file)
        {
            payloads.AddRange(File.ReadLines(file).Where((_, i) => i % 15 == 0));
        }

        var client = fixture.App.CreateReaderClient();
        var n = 0;
        foreach (var payload in payloads)
        {
            var response = await client.PostAsJsonAsync($"/api/articles/{articleId}/comments",
                new { body = payload, name = payload.Length > 200 ? payload[..200] : payload, email = $"x{n++}@example.org", url = "javascript:alert(9)" });
            if (response.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity)
            {
                // The website field refuses javascript:; post again without it.
                response = await client.PostAsJsonAsync($"/api/articles/{articleId}/comments",
                    new { body = payload, name = payload.Length > 200 ? payload[..200] : payload, email = $"x{n++}@example.org" });
            }

            Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.UnprocessableEntity, await response.Content.ReadAsStringAsync());
        }

        var page = await OpenAsync();
        await page.GotoAsync(fixture.BaseUrl + path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Give every surviving element the events that payloads hook, as a reader's mouse would.
        await page.EvaluateAsync(@"() => document.querySelectorAll('.comments *').forEach(e => {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'animationstart']) e.dispatchEvent(new Event(type, { bubbles: true }));
        })");
        await page.WaitForTimeoutAsync(500);

        var live = await page.EvaluateAsync<int>(@"() => document.querySelectorAll(
            '.comments script, .comments iframe, .comments img, .comments svg, .comments object, .comments embed, .comments details, .comments [onerror], .comments [onload], .comments [onmouseover], .comments a[href^=""javascript""]').length");
        Assert.Equal(0, live);
        Assert.Empty(dialogs);
        Assert.True(await page.Locator(".comment").CountAsync() >= 7);
    }
}
