using System.Net;
using System.Net.Http.Headers;
using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Articles;

/// <summary>Bad input answers 4xx problem details naming the fields, and writes nothing.</summary>
public abstract class BadInputTests(DatelineApp app)
{
    private async Task<(int Articles, int Authors, int Topics)> CountsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        return (await db.Articles.CountAsync(), await db.Authors.CountAsync(), await db.Topics.CountAsync());
    }

    private async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = await response.JsonAsync();
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        foreach (var field in fields)
        {
            Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), $"the problem should name '{field}': {body}");
        }
    }

    [Fact]
    public async Task MalformedJsonIsABadRequest()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var before = await CountsAsync();
        await AssertProblemAsync(await client.PostRawAsync("/api/newsroom/articles", "{\"headline\": \"Unclosed"), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PostRawAsync("/api/newsroom/articles", ""), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await client.PostRawAsync("/api/newsroom/articles", "[1,2,3]"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task InvalidUtf8IsABadRequest()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var bytes = "{\"headline\": \"Bad "u8.ToArray().Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat("\"}"u8.ToArray()).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await AssertProblemAsync(await client.PostAsync("/api/newsroom/articles", content), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WrongTypesAreNamedFieldByField()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var before = await CountsAsync();
        var response = await client.PostRawAsync("/api/newsroom/articles",
            """{"headline": 42, "authors": "not a list", "topics": [{"slug": "no-name"}], "publishedAt": "yesterday", "commentsOpen": "yes", "image": {"url": "javascript:alert(1)", "width": "wide"}, "mystery": 1}""");
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "headline", "authors", "topics[0]", "publishedAt", "commentsOpen", "image.width", "mystery");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task OversizedHeadlineUnknownStatusAndMissingHeadlineAreRefused()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var before = await CountsAsync();
        await AssertProblemAsync(await client.PostJsonAsync("/api/newsroom/articles", new { headline = new string('x', 1_000_000), authors = new[] { "New Person Alpha" }, topics = new[] { "Brand New Topic" } }),
            HttpStatusCode.UnprocessableEntity, "headline");
        await AssertProblemAsync(await client.PostJsonAsync("/api/newsroom/articles", new { headline = "Fine", status = "archived" }), HttpStatusCode.UnprocessableEntity, "status");
        await AssertProblemAsync(await client.PostJsonAsync("/api/newsroom/articles", new { dek = "No headline" }), HttpStatusCode.UnprocessableEntity, "headline");
        await AssertProblemAsync(await client.PostJsonAsync("/api/newsroom/articles", new { headline = "Bad\u0007Bell" }), HttpStatusCode.UnprocessableEntity, "headline");
        await AssertProblemAsync(await client.PostRawAsync("/api/newsroom/articles", "{\"headline\": \"Broken \\ud800 surrogate\"}"), HttpStatusCode.UnprocessableEntity, "headline");
        await AssertProblemAsync(await client.PostJsonAsync("/api/newsroom/articles", new { headline = "Published Without Author", status = "published" }), HttpStatusCode.UnprocessableEntity, "authors");
        await AssertProblemAsync(await client.PostJsonAsync("/api/newsroom/articles", new { headline = "Bad Slug", slug = "Not A Slug!" }), HttpStatusCode.UnprocessableEntity, "slug");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TypeErrorsAndRuleErrorsAreReportedTogether()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var response = await client.PostRawAsync("/api/newsroom/articles", """{"headline": 5, "image": {"url": "javascript:alert(1)"}, "publishedAt": "0001-01-01T00:00:00Z"}""");
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "headline", "image.url", "publishedAt");
        var headline = (await response.JsonAsync()).GetProperty("errors").GetProperty("headline");
        Assert.Equal(["Must be a string."], headline.EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ACorrectionNeedsTextAndAKnownKind()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(new { headline = "Needs A Correction Later", authors = new[] { "C. Orrect" } });
        var id = created.GetProperty("id").GetInt32();
        await AssertProblemAsync(await client.PostRawAsync($"/api/newsroom/articles/{id}/corrections", """{"text": "x", "kind": 5}"""), HttpStatusCode.UnprocessableEntity, "kind");
        await AssertProblemAsync(await client.PostRawAsync($"/api/newsroom/articles/{id}/corrections", """{"text": 7}"""), HttpStatusCode.UnprocessableEntity, "text");
        await AssertProblemAsync(await client.PostRawAsync($"/api/newsroom/articles/{id}/corrections", """{}"""), HttpStatusCode.UnprocessableEntity, "text");
    }

    [Fact]
    public async Task DuplicateAuthorsBecomeOneByline()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(new { headline = "Two Spellings One Person", authors = new[] { "José Ruiz", "Jose Ruiz" } });
        Assert.Equal(1, created.GetProperty("authors").GetArrayLength());
        var sameSlug = await client.CreateArticleAsync(new { headline = "Same Slug Twice", authors = new object[] { new { name = "A", slug = "same-person" }, new { name = "B", slug = "same-person" } } });
        Assert.Equal(1, sameSlug.GetProperty("authors").GetArrayLength());
    }

    [Fact]
    public async Task AChosenSlugThatClashesOnPublishIsRefusedNotRenamed()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        await client.CreateArticleAsync(new { headline = "First Story", slug = "chosen-slug", authors = new[] { "S. Lug" }, status = "published" });
        var draft = await client.CreateArticleAsync(new { headline = "Second Story", slug = "chosen-slug", authors = new[] { "S. Lug" } });
        var id = draft.GetProperty("id").GetInt32();
        await AssertProblemAsync(await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new { status = "published" }), HttpStatusCode.Conflict, "slug");
        var after = await (await client.GetAsync($"/api/newsroom/articles/{id}")).JsonAsync();
        Assert.Equal("chosen-slug", after.GetProperty("slug").GetString());
        Assert.Equal("draft", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task MissingArticleIsNotFound()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var response = await client.PatchJsonAsync("/api/newsroom/articles/987654", new { dek = "x" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("987654", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/newsroom/articles/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/newsroom/articles/abc")).StatusCode);
    }

    [Fact]
    public async Task WrongContentTypeIsUnsupported()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var response = await client.PostAsync("/api/newsroom/articles", new StringContent("headline=Form", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task FailedPatchLeavesTheArticleAsItWas()
    {
        var client = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var created = await client.CreateArticleAsync(new { headline = "Stable Story", dek = "Original dek.", authors = new[] { "Stable Author" } });
        var id = created.GetProperty("id").GetInt32();
        var response = await client.PatchJsonAsync($"/api/newsroom/articles/{id}", new { dek = "Changed dek.", authors = new[] { "Someone Brand New" }, headline = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var after = await (await client.GetAsync($"/api/newsroom/articles/{id}")).JsonAsync();
        Assert.Equal("Original dek.", after.GetProperty("dek").GetString());
        Assert.Equal("Stable Author", after.GetProperty("authors")[0].GetProperty("name").GetString());
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Authors.AnyAsync(a => a.Name == "Someone Brand New"));
    }
}

public sealed class BadInputOnSqlite(SqliteApp app) : BadInputTests(app), IClassFixture<SqliteApp>;

public sealed class BadInputOnPostgres(PostgresApp app) : BadInputTests(app), IClassFixture<PostgresApp>;
