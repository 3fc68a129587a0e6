using System.Net;
using Dateline.Features.Accounts;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>The API keys page: a new key is shown once and works at once; a revoked key stops working.</summary>
public abstract class ApiKeysPageTests(DatelineApp app)
{
    [Fact]
    public async Task ANewKeyIsShownOnceWorksForItsRoleAndStopsWhenRevoked()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var name = $"CMS bridge {Guid.NewGuid():N}"[..20];
        var created = await admin.SubmitFormAsync("/newsroom/keys/", new() { ["name"] = name, ["role"] = Roles.Editor }, "form.create-key-form");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var page = await created.HtmlAsync();
        var key = page.QuerySelector("#new-key")!.GetAttribute("value")!;
        Assert.True(ApiKeySecrets.TryParse(key, out var prefix, out _));
        Assert.Contains("not shown again", page.QuerySelector(".new-key")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector("#name")!.GetAttribute("value") ?? "");

        var listed = await (await admin.GetAsync("/newsroom/keys/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        var row = (await (await admin.GetAsync("/newsroom/keys/")).HtmlAsync()).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == name);
        Assert.Equal(Roles.Editor, row.QuerySelector("td[data-label='Role']")!.TextContent);
        Assert.Equal($"dl_{prefix}_", row.QuerySelector("td[data-label='Starts with']")!.TextContent);
        Assert.Equal("Never", row.QuerySelector("td[data-label='Last used']")!.TextContent);

        var client = app.CreateClient(key);
        var article = await client.PostJsonAsync("/api/newsroom/articles", new { headline = "Written With A New Key", authors = new[] { "Key Holder" }, status = "draft" });
        Assert.Equal(HttpStatusCode.Created, article.StatusCode);
        row = (await (await admin.GetAsync("/newsroom/keys/")).HtmlAsync()).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == name);
        Assert.NotEqual("Never", row.QuerySelector("td[data-label='Last used']")!.TextContent);

        var revoked = await admin.PostFormAsync(row.QuerySelector("form.revoke-form")!, "/newsroom/keys/", []);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/newsroom/articles/{(await article.JsonAsync()).GetProperty("id").GetInt32()}")).StatusCode);
        row = (await (await admin.GetAsync("/newsroom/keys/")).HtmlAsync()).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == name);
        Assert.StartsWith("Revoked", row.QuerySelector("td[data-label='State']")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(row.QuerySelector("form.revoke-form"));
    }

    [Fact]
    public async Task AKeyWithoutANameIsRefusedWithItsRoleKept()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var refused = await admin.SubmitFormAsync("/newsroom/keys/", new() { ["name"] = "  ", ["role"] = Roles.Moderator }, "form.create-key-form");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.HtmlAsync();
        Assert.Equal("Required.", page.QuerySelector("#name-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("#role option[value='moderator']")!.GetAttribute("selected"));
        Assert.Null(page.QuerySelector("#new-key"));

        var badRole = await admin.SubmitFormAsync("/newsroom/keys/", new() { ["name"] = "Root", ["role"] = "root" }, "form.create-key-form");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badRole.StatusCode);
        Assert.NotNull((await badRole.HtmlAsync()).QuerySelector("#role-error"));
    }
}

public sealed class ApiKeysPageOnSqlite(SqliteApp app) : ApiKeysPageTests(app), IClassFixture<SqliteApp>;

public sealed class ApiKeysPageOnPostgres(PostgresApp app) : ApiKeysPageTests(app), IClassFixture<PostgresApp>;
