using System.Net;
using System.Net.Http.Json;
using Dateline.Data;
using Dateline.Features.Privacy;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Comments;

public abstract class PrivacyTests(DatelineApp app)
{
    private static readonly string[] Emails = ["alice.private@example.org", "bob.secret@example.net", "carol+tag@example.com"];

    private async Task<(HttpClient Admin, int ArticleId, string Path, int[] CommentIds)> SeedAsync()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        // The same people comment in every test of this class, faster than the flood rule allows.
        await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { floodSeconds = 0 }));
        var article = await admin.CreateArticleAsync(new { headline = $"Privacy Story {Guid.NewGuid():N}", authors = new[] { "Priya Vacy" }, topics = new[] { "Privacy" }, status = "published" });
        var id = article.GetProperty("id").GetInt32();
        var ids = new List<int>();
        for (var i = 0; i < Emails.Length; i++)
        {
            var reader = app.CreateReaderClient();
            reader.DefaultRequestHeaders.Add(TestRemoteIp.Header, $"10.9.0.{i + 1}");
            var response = await reader.PostAsJsonAsync($"/api/articles/{id}/comments",
                new { body = $"Comment number {i}", name = $"Commenter {i}", email = Emails[i], url = "https://blog.example.org", parentId = ids.Count > 0 ? ids[0] : (int?)null });
            var commentId = (await response.JsonAsync()).GetProperty("id").GetInt32();
            await admin.PostAsync($"/api/newsroom/comments/{commentId}/approve", null);
            ids.Add(commentId);
        }

        return (admin, id, Http.PathOf(article), [.. ids]);
    }

    [Fact]
    public async Task NoPublicAnswerOrLogLineCarriesACommentersEmail()
    {
        var (_, id, path, _) = await SeedAsync();
        var reader = app.CreateReaderClient();
        var today = DateTime.UtcNow;
        var answers = new List<string>();
        foreach (var url in new[]
        {
            "/", path, path + "?replyto=1", "/api/articles", $"/api/articles/{id}", $"/api/articles/{id}/comments",
            "/topics/privacy/", "/authors/priya-vacy/", $"/{today:yyyy}/", $"/{today:yyyy}/{today:MM}/", "/no-such-page/", "/openapi/v1.json",
        })
        {
            var response = await reader.GetAsync(url);
            answers.Add($"{url} {(int)response.StatusCode}\n{response.Headers}\n{await response.Content.ReadAsStringAsync()}");
        }

        var refused = await reader.PostAsJsonAsync($"/api/articles/{id}/comments", new { body = "Comment number 0", name = "Commenter 0", email = Emails[0], parentId = (int?)null });
        answers.Add(await refused.Content.ReadAsStringAsync());
        Assert.Contains(answers, a => a.Contains("Commenter 1", StringComparison.Ordinal));
        foreach (var email in Emails)
        {
            Assert.DoesNotContain(answers, a => a.Contains(email, StringComparison.OrdinalIgnoreCase) || a.Contains(Uri.EscapeDataString(email), StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(app.Logs.Lines, line => line.Contains(email, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task ACommenterCanBeExportedAndErasedAndTheThreadKeepsItsShape()
    {
        var (admin, id, path, ids) = await SeedAsync();
        var export = await (await admin.PostAsJsonAsync("/api/newsroom/privacy/export", new { email = "Alice.Private@example.org" })).JsonAsync();
        Assert.Equal("alice.private@example.org", export.GetProperty("email").GetString());
        var exported = export.GetProperty("comments").EnumerateArray().Where(c => c.GetProperty("articleId").GetInt32() == id).ToList();
        Assert.Single(exported);
        Assert.Equal("Comment number 0", exported[0].GetProperty("body").GetString());
        Assert.Equal("10.9.0.1", exported[0].GetProperty("authorIp").GetString());

        var erased = await (await admin.PostAsJsonAsync("/api/newsroom/privacy/erase", new { email = "alice.private@example.org" })).JsonAsync();
        Assert.True(erased.GetProperty("comments").GetInt32() >= 1);
        var thread = await (await app.CreateReaderClient().GetAsync($"/api/articles/{id}/comments")).JsonAsync();
        Assert.Equal(ids[0], thread[0].GetProperty("id").GetInt32());
        Assert.Equal(CommenterData.AnonymousName, thread[0].GetProperty("authorName").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, thread[0].GetProperty("authorUrl").ValueKind);
        Assert.Equal(2, thread[0].GetProperty("replies").GetArrayLength());
        var after = await (await admin.PostAsJsonAsync("/api/newsroom/privacy/export", new { email = "alice.private@example.org" })).JsonAsync();
        Assert.Empty(after.GetProperty("comments").EnumerateArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsJsonAsync("/api/newsroom/privacy/erase", new { email = "" })).StatusCode);
        var editor = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync("/api/newsroom/privacy/export", new { email = "bob.secret@example.net" })).StatusCode);
        Assert.Contains("Anonymous", await app.CreateReaderClient().GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommandLineExportsAndErasesByEmail()
    {
        await SeedAsync();
        var export = await TestSupport.Cli.RunAsync(app.Database, null, "comments", "export", "--email", "bob.secret@example.net");
        Assert.True(export.ExitCode == 0, export.Error);
        var json = System.Text.Json.JsonDocument.Parse(export.Output).RootElement;
        Assert.Contains(json.GetProperty("comments").EnumerateArray(), c => c.GetProperty("body").GetString() == "Comment number 1");

        var erase = await TestSupport.Cli.RunAsync(app.Database, null, "comments", "erase", "--email", "bob.secret@example.net");
        Assert.True(erase.ExitCode == 0, erase.Error);
        Assert.StartsWith("Anonymized ", erase.LastLine, StringComparison.Ordinal);
        var again = await TestSupport.Cli.RunAsync(app.Database, null, "comments", "export", "--email", "bob.secret@example.net");
        Assert.Empty(System.Text.Json.JsonDocument.Parse(again.Output).RootElement.GetProperty("comments").EnumerateArray());
        var bad = await TestSupport.Cli.RunAsync(app.Database, null, "comments", "erase", "--email", "nobody");
        Assert.Equal(1, bad.ExitCode);
    }

    [Fact]
    public async Task OldAddressesAreForgotten()
    {
        var (_, _, _, ids) = await SeedAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        await db.Comments.Where(c => c.Id == ids[2]).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, DateTime.UtcNow.AddDays(-31)));
        var erased = await scope.ServiceProvider.GetRequiredService<CommenterData>().EraseOldAddressesAsync(30, default);
        Assert.True(erased >= 1);
        var rows = await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        Assert.Null(rows[ids[2]].AuthorIp);
        Assert.Null(rows[ids[2]].UserAgent);
        Assert.Equal("10.9.0.1", rows[ids[0]].AuthorIp);
    }
}

public sealed class PrivacyOnSqlite(SqliteApp app) : PrivacyTests(app), IClassFixture<SqliteApp>;

public sealed class PrivacyOnPostgres(PostgresApp app) : PrivacyTests(app), IClassFixture<PostgresApp>;
