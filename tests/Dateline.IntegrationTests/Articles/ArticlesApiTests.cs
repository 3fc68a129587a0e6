using System.Net;
using System.Text.Json;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Articles;

public abstract class ArticlesApiTests(DatelineApp app)
{
    private static object Story(string headline, string status = "published") => new
    {
        headline,
        dek = "Belarus's leader arrives in Beijing as China pitches itself as a peacemaker.",
        bodyMarkdown = "BEIJING — The visit comes days after China issued a position paper.\n\nIt is the second paragraph.",
        authors = new object[] { "Chris Buckley", new { name = "Keith Bradsher" } },
        credits = new[] { "Joy Dong contributed reporting." },
        image = new { url = "https://example.org/photo.jpg", alt = "Two leaders shake hands", caption = "The leaders met in Beijing.", credit = "Ng Han Guan/Associated Press", width = 1200, height = 800 },
        topics = new[] { "China", "Belarus" },
        section = "World",
        dateline = "BEIJING",
        status,
    };

    [Fact]
    public async Task PublishedArticleShowsOnHomeAtItsCanonicalUrlAndInTheApi()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(Story("Xi Hosts Lukashenko in Beijing"));
        var path = Http.PathOf(created);
        var today = DateTime.UtcNow;
        Assert.Equal($"/{today:yyyy}/{today:MM}/{today:dd}/xi-hosts-lukashenko-in-beijing/", path);
        Assert.Equal("published", created.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, created.GetProperty("publishedAt").ValueKind);

        var reader = app.CreateReaderClient();
        var home = await (await reader.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("Xi Hosts Lukashenko in Beijing", home, StringComparison.Ordinal);

        var page = await reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await page.HtmlAsync();
        Assert.Equal("Xi Hosts Lukashenko in Beijing", document.QuerySelector("article h1")!.TextContent);
        var jsonLd = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("NewsArticle", jsonLd.GetProperty("@type").GetString());
        Assert.Equal("Xi Hosts Lukashenko in Beijing", jsonLd.GetProperty("headline").GetString());
        Assert.Equal(2, jsonLd.GetProperty("author").GetArrayLength());

        var withoutSlash = await reader.GetAsync(path.TrimEnd('/'));
        Assert.Equal(HttpStatusCode.MovedPermanently, withoutSlash.StatusCode);
        Assert.Equal(path, withoutSlash.Headers.Location!.OriginalString);

        var list = await (await reader.GetAsync("/api/articles")).JsonAsync();
        Assert.Contains(list.GetProperty("articles").EnumerateArray(), a => a.GetProperty("id").GetInt32() == created.GetProperty("id").GetInt32());
        var one = await (await reader.GetAsync($"/api/articles/{created.GetProperty("id").GetInt32()}")).JsonAsync();
        Assert.Equal("Ng Han Guan/Associated Press", one.GetProperty("image").GetProperty("credit").GetString());
        Assert.Equal("Joy Dong contributed reporting.", one.GetProperty("credits")[0].GetString());
        Assert.Equal(["chris-buckley", "keith-bradsher"], one.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("slug").GetString()));
        Assert.Equal("World", one.GetProperty("section").GetString());
        Assert.Contains("<p>BEIJING — The visit", one.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftIsVisibleToTheNewsroomOnly()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(Story("A Draft Nobody Should See", "draft"));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(JsonValueKind.Null, created.GetProperty("url").ValueKind);

        var reader = app.CreateReaderClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/articles/{id}")).StatusCode);
        Assert.DoesNotContain("A Draft Nobody Should See", await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/newsroom/articles/{id}")).StatusCode);
    }

    [Fact]
    public async Task PublishingADraftSetsItsPublicationTime()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("author"));
        var created = await client.CreateArticleAsync(Story("Draft Then Published", "draft"));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(JsonValueKind.Null, created.GetProperty("publishedAt").ValueKind);

        var before = DateTime.UtcNow.AddSeconds(-1);
        var patched = await (await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "published" })).JsonAsync();
        Assert.Equal("published", patched.GetProperty("status").GetString());
        Assert.InRange(patched.GetProperty("publishedAt").GetDateTime().ToUniversalTime(), before, DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await app.CreateReaderClient().GetAsync(Http.PathOf(patched))).StatusCode);
    }

    [Fact]
    public async Task ScheduledArticleStaysHiddenUntilItsTime()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var at = DateTime.UtcNow.AddDays(2);
        var response = await client.PostJsonAsync("/api/newsroom/articles", new { headline = "Tomorrow's News", authors = new[] { "A. Writer" }, bodyMarkdown = "Soon.", status = "scheduled", publishedAt = at });
        var created = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("scheduled", created.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync($"/api/articles/{created.GetProperty("id").GetInt32()}")).StatusCode);

        var past = await client.PostJsonAsync("/api/newsroom/articles", new { headline = "Scheduled In The Past", authors = new[] { "A. Writer" }, status = "scheduled", publishedAt = DateTime.UtcNow.AddHours(-1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.True((await past.JsonAsync()).GetProperty("errors").TryGetProperty("publishedAt", out _));
    }

    [Fact]
    public async Task ContributorKeyWritesDraftsButCannotPublish()
    {
        var contributor = app.CreateClient(await app.CreateApiKeyAsync("contributor"));
        var refused = await contributor.PostJsonAsync("/api/newsroom/articles", Story("Contributor Tries To Publish"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);

        var draft = await contributor.CreateArticleAsync(Story("Contributor Draft", "draft"));
        var id = draft.GetProperty("id").GetInt32();
        var publish = await contributor.PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "published" });
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        var edit = await contributor.PatchJsonAsync($"/api/newsroom/articles/{id}", new { dek = "A better dek." });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        // Another contributor may not touch it; an editor may.
        var other = app.CreateClient(await app.CreateApiKeyAsync("contributor"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PatchJsonAsync($"/api/newsroom/articles/{id}", new { dek = "Mine now." })).StatusCode);
        var editor = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        Assert.Equal(HttpStatusCode.OK, (await editor.PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "published" })).StatusCode);
    }

    [Fact]
    public async Task ModeratorKeyCannotWriteArticles()
    {
        var moderator = app.CreateClient(await app.CreateApiKeyAsync("moderator"));
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.PostJsonAsync("/api/newsroom/articles", Story("Moderator Story", "draft"))).StatusCode);
    }

    [Fact]
    public async Task MissingOrWrongKeyIsUnauthorized()
    {
        var anonymous = app.CreateReaderClient();
        var none = await anonymous.PostJsonAsync("/api/newsroom/articles", Story("No Key"));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType!.MediaType);

        var key = await app.CreateApiKeyAsync("admin");
        var forged = app.CreateClient(key[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/newsroom/articles/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient("not-a-key").GetAsync("/api/newsroom/articles/1")).StatusCode);
    }

    [Fact]
    public async Task DeletedArticleIsGone()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(Story("Soon Deleted"));
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/newsroom/articles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/newsroom/articles/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync(Http.PathOf(created))).StatusCode);
    }

    [Fact]
    public async Task SameHeadlineOnTheSameDayGetsANumberedSlugButAChosenSlugClashIsRefused()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var first = await client.CreateArticleAsync(Story("Markets Rally Again"));
        var second = await client.CreateArticleAsync(Story("Markets Rally Again"));
        Assert.Equal("markets-rally-again", first.GetProperty("slug").GetString());
        Assert.Equal("markets-rally-again-2", second.GetProperty("slug").GetString());

        var clash = await client.PostJsonAsync("/api/newsroom/articles", new { headline = "Different Words", slug = "markets-rally-again", authors = new[] { "A" }, status = "published" });
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.True((await clash.JsonAsync()).GetProperty("errors").TryGetProperty("slug", out _));
    }

    [Fact]
    public async Task NonLatinHeadlineIsTransliteratedIntoItsSlug()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(new { headline = "Київ готується до зими", authors = new[] { "Олена Петренко" }, bodyMarkdown = "Текст.", status = "published" });
        Assert.Equal("kyiv-hotuietsia-do-zymy", created.GetProperty("slug").GetString());
        Assert.Equal("olena-petrenko", created.GetProperty("authors")[0].GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateReaderClient().GetAsync(Http.PathOf(created))).StatusCode);
    }

    [Fact]
    public async Task CorrectionIsAppendedWithItsTimeAndShownOnThePage()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(Story("Story That Needed A Correction"));
        var id = created.GetProperty("id").GetInt32();
        var response = await client.PostJsonAsync($"/api/newsroom/articles/{id}/corrections", new { text = "An earlier version misspelled the minister's name." });
        var json = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("An earlier version misspelled the minister's name.", json.GetProperty("corrections")[0].GetProperty("text").GetString());

        var document = await (await app.CreateReaderClient().GetAsync(Http.PathOf(created))).HtmlAsync();
        var note = document.QuerySelector(".corrections .note")!;
        Assert.Contains("misspelled the minister", note.TextContent, StringComparison.Ordinal);
        Assert.NotNull(note.QuerySelector("time[datetime]"));
    }

    [Fact]
    public async Task StaleIfMatchIsRefusedAndLosesNothing()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(Story("Two Editors At Once", "draft"));
        var id = created.GetProperty("id").GetInt32();
        var etag = (await client.GetAsync($"/api/newsroom/articles/{id}")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.OK, (await Patch(client, id, etag, "First editor's dek.")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Patch(client, id, etag, "Second editor's dek.")).StatusCode);
        var now = await (await client.GetAsync($"/api/newsroom/articles/{id}")).JsonAsync();
        Assert.Equal("First editor's dek.", now.GetProperty("dek").GetString());

        static Task<HttpResponseMessage> Patch(HttpClient client, int id, string etag, string dek)
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/newsroom/articles/{id}") { Content = System.Net.Http.Json.JsonContent.Create(new { dek }) };
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
            return client.SendAsync(request);
        }
    }

    [Fact]
    public async Task HealthAndOpenApiAnswer()
    {
        var reader = app.CreateReaderClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/healthz")).StatusCode);
        var openApi = await (await reader.GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/articles", out _));
        Assert.True(paths.TryGetProperty("/api/newsroom/articles/{id}", out _));
    }
}
