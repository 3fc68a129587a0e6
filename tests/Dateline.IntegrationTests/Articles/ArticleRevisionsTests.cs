using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Articles;

public abstract class ArticleRevisionsTests(DatelineApp app)
{
    private static object Story(string headline, string status = "draft", string? body = null) => new
    {
        headline,
        dek = "Belarus's leader arrives in Beijing.",
        bodyMarkdown = body ?? "BEIJING — The visit comes days after China issued a position paper.\n\nIt is the second paragraph.",
        authors = new[] { "Chris Buckley" },
        topics = new[] { "China" },
        status,
    };

    private static async Task<JsonElement> RevisionsAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/api/newsroom/articles/{id}/revisions");
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {json}");
        return json.GetProperty("revisions");
    }

    private static async Task<string> ETagAsync(HttpClient client, int id) =>
        (await client.GetAsync($"/api/newsroom/articles/{id}")).Headers.ETag!.Tag;

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? etag)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body);
        }

        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        return client.SendAsync(request);
    }

    [Fact]
    public async Task EverySaveKeepsARevisionButASaveThatChangesNothingKeepsNone()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var id = (await client.CreateArticleAsync(Story("Every Save Is Kept"))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new { dek = "A sharper dek." })).StatusCode);
        var etag = await ETagAsync(client, id);

        var same = await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new { dek = "A sharper dek.", authors = new[] { "Chris Buckley" }, topics = new[] { "China" } });
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(etag, same.Headers.ETag!.Tag);
        Assert.Equal(2, (await RevisionsAsync(client, id)).GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "published" })).StatusCode);
        var revisions = await RevisionsAsync(client, id);
        Assert.Equal([3, 2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal(["Published", "Changed dek", "Created as a draft"], revisions.EnumerateArray().Select(r => r.GetProperty("summary").GetString()));
        Assert.All(revisions.EnumerateArray(), r =>
        {
            Assert.StartsWith("key:", r.GetProperty("savedBy").GetString(), StringComparison.Ordinal);
            Assert.Equal("API key “test editor”", r.GetProperty("savedByName").GetString());
        });

        var first = await (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/1")).JsonAsync();
        Assert.Equal("Belarus's leader arrives in Beijing.", first.GetProperty("article").GetProperty("dek").GetString());
        Assert.Equal("draft", first.GetProperty("article").GetProperty("status").GetString());
        Assert.Equal("chris-buckley", first.GetProperty("article").GetProperty("authors")[0].GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/9")).StatusCode);
    }

    [Fact]
    public async Task AnArticleFromBeforeRevisionsKeepsItsEarlierStateOnItsFirstEdit()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var id = (await client.CreateArticleAsync(Story("Older Than Revisions"))).GetProperty("id").GetInt32();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            await db.ArticleRevisions.Where(r => r.ArticleId == id).ExecuteDeleteAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new { headline = "Edited After The Upgrade" })).StatusCode);
        var revisions = await RevisionsAsync(client, id);
        Assert.Equal(["Changed headline", "As it was before revisions were kept"], revisions.EnumerateArray().Select(r => r.GetProperty("summary").GetString()));
        var baseline = await (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/1")).JsonAsync();
        Assert.Equal("Older Than Revisions", baseline.GetProperty("article").GetProperty("headline").GetString());
    }

    [Fact]
    public async Task ADiffShowsTheChangedFieldsAndTheChangedWordsOfTheBody()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var id = (await client.CreateArticleAsync(Story("Diff Me", body: "First paragraph.\n\nThe vote was on Tuesday.\n\nLast paragraph."))).GetProperty("id").GetInt32();
        var patch = await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new
        {
            headline = "Diff Me Again",
            bodyMarkdown = "First paragraph.\n\nThe vote was on <Wednesday>.\n\nLast paragraph.",
        });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var diff = await (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/2/diff")).JsonAsync();
        Assert.Equal(1, diff.GetProperty("from").GetProperty("number").GetInt32());
        Assert.Equal(2, diff.GetProperty("to").GetProperty("number").GetInt32());
        var field = Assert.Single(diff.GetProperty("fields").EnumerateArray());
        Assert.Equal(("headline", "Diff Me", "Diff Me Again"), (field.GetProperty("field").GetString(), field.GetProperty("old").GetString(), field.GetProperty("new").GetString()));
        Assert.True(diff.GetProperty("bodyChanged").GetBoolean());
        var modified = Assert.Single(diff.GetProperty("body").EnumerateArray(), l => l.GetProperty("change").GetString() == "modified");
        var spans = modified.GetProperty("spans").EnumerateArray().Select(s => (s.GetProperty("change").GetString(), s.GetProperty("text").GetString())).ToList();
        Assert.Contains(("deleted", "Tuesday"), spans);
        Assert.Contains(("inserted", "<Wednesday>"), spans);
        Assert.Equal(5, diff.GetProperty("body").GetArrayLength());

        var created = await (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/1/diff")).JsonAsync();
        Assert.Equal(0, created.GetProperty("from").GetProperty("number").GetInt32());
        Assert.All(created.GetProperty("body").EnumerateArray(), l => Assert.Equal("inserted", l.GetProperty("change").GetString()));

        var againstCurrent = await (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/1/diff?against=current")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, againstCurrent.GetProperty("from").GetProperty("number").ValueKind);
        Assert.Equal("Diff Me Again", againstCurrent.GetProperty("fields")[0].GetProperty("old").GetString());
        var none = await (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/2/diff?against=current")).JsonAsync();
        Assert.False(none.GetProperty("hasChanges").GetBoolean());

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/2/diff?against=yesterday")).StatusCode);
        var missing = await client.GetAsync($"/api/newsroom/articles/{id}/revisions/2/diff?against=7");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task RestoringMakesANewRevisionWithTheOldContentAndHonoursIfMatch()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(Story("The Original Headline", "published"));
        var id = created.GetProperty("id").GetInt32();
        var path = Http.PathOf(created);
        var stale = await ETagAsync(client, id);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new { headline = "A Worse Headline", bodyMarkdown = "Rewritten badly." })).StatusCode);
        var current = await ETagAsync(client, id);
        Assert.Contains("A Worse Headline", await app.CreateReaderClient().GetStringAsync(path), StringComparison.Ordinal);

        var refused = await SendAsync(client, HttpMethod.Post, $"/api/newsroom/articles/{id}/revisions/1/restore", null, stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(current, (await refused.JsonAsync()).GetProperty("currentVersion").GetString());
        Assert.Equal(2, (await RevisionsAsync(client, id)).GetArrayLength());

        var restored = await SendAsync(client, HttpMethod.Post, $"/api/newsroom/articles/{id}/revisions/1/restore", null, current);
        var article = await restored.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal("The Original Headline", article.GetProperty("headline").GetString());
        Assert.StartsWith("BEIJING — The visit", article.GetProperty("bodyMarkdown").GetString(), StringComparison.Ordinal);
        Assert.Equal("published", article.GetProperty("status").GetString());
        Assert.Equal(path, Http.PathOf(article));
        Assert.NotEqual(current, restored.Headers.ETag!.Tag);
        Assert.Contains("The Original Headline", await app.CreateReaderClient().GetStringAsync(path), StringComparison.Ordinal);

        var latest = (await RevisionsAsync(client, id))[0];
        Assert.Equal((3, 1), (latest.GetProperty("number").GetInt32(), latest.GetProperty("restoredFrom").GetInt32()));
        Assert.Equal("Restored revision 1; changed headline and body", latest.GetProperty("summary").GetString());
        var diff = await (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/3/diff?against=1")).JsonAsync();
        Assert.False(diff.GetProperty("hasChanges").GetBoolean());

        // Restoring what the article already says changes nothing and keeps no revision.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/newsroom/articles/{id}/revisions/3/restore", null)).StatusCode);
        Assert.Equal(3, (await RevisionsAsync(client, id)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/newsroom/articles/{id}/revisions/8/restore", null)).StatusCode);
    }

    [Fact]
    public async Task TheSecondEditorIsToldTheCurrentVersionAndNothingIsLost()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var id = (await client.CreateArticleAsync(Story("Two Editors, One Story"))).GetProperty("id").GetInt32();
        var read = await ETagAsync(client, id);
        var first = await SendAsync(client, HttpMethod.Patch, $"/api/newsroom/articles/{id}", new { dek = "The first editor's dek." }, read);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await SendAsync(client, HttpMethod.Patch, $"/api/newsroom/articles/{id}", new { dek = "The second editor's dek." }, read);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var problem = await second.JsonAsync();
        Assert.Equal(first.Headers.ETag!.Tag, problem.GetProperty("currentVersion").GetString());

        // With the version it was given, the second editor's merge goes through; both saves are in the history.
        var merged = await SendAsync(client, HttpMethod.Patch, $"/api/newsroom/articles/{id}", new { dek = "The second editor's dek." }, problem.GetProperty("currentVersion").GetString());
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var revisions = await RevisionsAsync(client, id);
        Assert.Equal(3, revisions.GetArrayLength());
        var middle = await (await client.GetAsync($"/api/newsroom/articles/{id}/revisions/2")).JsonAsync();
        Assert.Equal("The first editor's dek.", middle.GetProperty("article").GetProperty("dek").GetString());
    }

    [Fact]
    public async Task RevisionsFollowTheRulesForEditingTheArticle()
    {
        var contributor = app.CreateClient(await app.CreateApiKeyAsync("contributor"));
        var otherContributor = app.CreateClient(await app.CreateApiKeyAsync("contributor"));
        var author = app.CreateClient(await app.CreateApiKeyAsync("author"));
        var editor = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var moderator = app.CreateClient(await app.CreateApiKeyAsync("moderator"));

        var draft = (await contributor.CreateArticleAsync(Story("A Contributor's Draft"))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await contributor.PatchJsonAsync($"/api/newsroom/articles/{draft}", new { dek = "Better." })).StatusCode);
        var revisions = $"/api/newsroom/articles/{draft}/revisions";
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync(revisions)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(revisions)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherContributor.GetAsync(revisions)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherContributor.GetAsync(revisions + "/1/diff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(revisions + "/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.PostAsync(revisions + "/1/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(revisions)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateReaderClient().GetAsync(revisions)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/api/newsroom/articles/999999/revisions")).StatusCode);

        // A contributor may restore its own draft, but not once an editor has published it.
        Assert.Equal(HttpStatusCode.OK, (await contributor.PostAsync(revisions + "/1/restore", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PatchJsonAsync($"/api/newsroom/articles/{draft}", new { status = "published" })).StatusCode);
        var refused = await contributor.PostAsync(revisions + "/2/restore", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync(revisions + "/2/restore", null)).StatusCode);
        Assert.Equal(5, (await RevisionsAsync(editor, draft)).GetArrayLength());
    }

    [Fact]
    public async Task UnpublishingTakesTheArticleOffItsPageAndTheLists()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("author"));
        var headline = $"Published Then Withdrawn {Guid.NewGuid():N}";
        var created = await client.CreateArticleAsync(Story(headline, "published"));
        var id = created.GetProperty("id").GetInt32();
        var path = Http.PathOf(created);
        var reader = app.CreateReaderClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        Assert.Contains(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);

        var unpublished = await (await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "draft" })).JsonAsync();
        Assert.Equal("draft", unpublished.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
        Assert.DoesNotContain(headline, await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/articles/{id}")).StatusCode);
        Assert.Equal("Unpublished (back to draft)", (await RevisionsAsync(client, id))[0].GetProperty("summary").GetString());
    }
}
