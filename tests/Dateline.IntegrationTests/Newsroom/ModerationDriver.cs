using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Dateline.Features.Accounts;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>What the moderation tests do to the app: articles, readers' comments, and the queue's pages and forms.</summary>
internal sealed class ModerationDriver(DatelineApp app)
{
    private static int readers;

    public async Task<(int Id, string Path)> ArticleAsync(string[]? authors = null)
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync(Roles.Admin));
        // Several comments from one address follow each other quickly here.
        var settings = await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { floodSeconds = 0 }));
        Assert.True(settings.IsSuccessStatusCode, await settings.Content.ReadAsStringAsync());
        var article = await admin.CreateArticleAsync(new { headline = $"Queue Story {Guid.NewGuid():N}", authors = authors ?? ["Q. Writer"], status = "published" });
        return (article.GetProperty("id").GetInt32(), Http.PathOf(article));
    }

    /// <summary>A reader's comment through the public JSON API, each from an address of its own; a new reader's is held.</summary>
    public async Task<int> CommentAsync(int articleId, string body, string? email = null, int? parentId = null, string name = "Rita Reader")
    {
        var n = Interlocked.Increment(ref readers);
        var reader = app.CreateReaderClient();
        reader.DefaultRequestHeaders.Add(TestRemoteIp.Header, $"10.77.{n / 250}.{(n % 250) + 1}");
        var response = await reader.PostJsonAsync($"/api/articles/{articleId}/comments",
            new { body, name, email = email ?? $"reader-{Guid.NewGuid():N}@example.org", url = "reader.example.org", parentId });
        var json = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("id").GetInt32();
    }

    public static string Queue(string status, int? article = null, string extra = "") =>
        $"/newsroom/comments/?status={status}{(article is null ? "" : $"&article={article}")}{extra}";

    public async Task<IDocument> PageAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{path} answered {(int)response.StatusCode}; last error logged: {app.Logs.Lines.LastOrDefault(l => l.StartsWith("Error", StringComparison.Ordinal))}");
        return await response.HtmlAsync();
    }

    /// <summary>Presses one of a row's buttons (approve, hold, spam, trash, delete) and expects to be sent back.</summary>
    public async Task RowActionAsync(HttpClient moderator, string queuePath, int commentId, string decision)
    {
        var page = await PageAsync(moderator, queuePath);
        var form = page.QuerySelector($"#comment-{commentId} form.row-actions") ?? throw new InvalidOperationException($"no row for comment {commentId} on {queuePath}");
        Assert.NotNull(form.QuerySelector($"button[name='decision'][value='{decision}']"));
        var response = await moderator.PostFormAsync(form, queuePath, new() { ["decision"] = decision });
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    public async Task<HttpResponseMessage> BulkAsync(HttpClient moderator, string queuePath, string decision, params int[] ids)
    {
        var page = await PageAsync(moderator, queuePath);
        var form = page.QuerySelector("form#bulk")!;
        // Only spam and trash may be deleted for good.
        var deletable = queuePath.Contains("status=spam", StringComparison.Ordinal) || queuePath.Contains("status=trash", StringComparison.Ordinal);
        Assert.Equal(deletable, form.QuerySelector("option[value='delete']") is not null);
        return await moderator.PostFormFieldsAsync(form, queuePath, [.. ids.Select(id => KeyValuePair.Create("ids", id.ToString(CultureInfo.InvariantCulture))), new("decision", decision)]);
    }

    /// <summary>A public page as the shared cache serves it to everyone: a fresh anonymous reader each time.</summary>
    public async Task<string> PublicAsync(string path) => await (await app.CreateReaderClient().GetAsync(path)).Content.ReadAsStringAsync();

    public static int Count(IDocument page, string label) =>
        int.Parse(page.QuerySelectorAll(".status-tabs a").Single(a => a.TextContent.StartsWith(label, StringComparison.Ordinal)).QuerySelector(".count")!.TextContent, CultureInfo.InvariantCulture);
}
