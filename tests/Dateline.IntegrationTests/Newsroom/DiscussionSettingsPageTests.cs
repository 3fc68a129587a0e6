using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dateline.Features.Accounts;
using Dateline.IntegrationTests.Comments;
using Dateline.Data;
using Dateline.Features.Settings;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>The discussion settings form: every field saved through the same rules as the API, and typed values kept on an error.</summary>
public abstract class DiscussionSettingsPageTests(DatelineApp app)
{
    private const string Path = "/newsroom/settings/discussion";

    private static Dictionary<string, string> Fields(string holdWords = "casino\nlottery", string pageSize = "25", string threadDepth = "3") => new()
    {
        ["closeAfterDays"] = "14",
        ["requirePreviousApproval"] = "true",
        ["holdLinkCount"] = "4",
        ["holdWords"] = holdWords,
        ["denyWords"] = "buy followers\r\n\r\nfree money\r\n",
        ["threadDepth"] = threadDepth,
        ["pageSize"] = pageSize,
        ["newestFirst"] = "true",
        ["floodSeconds"] = "30",
        ["minimumSecondsToSubmit"] = "2",
        ["eraseIpAfterDays"] = "60",
        // commentsOpenByDefault is left out, as a browser leaves out an unticked box.
    };

    [Fact]
    public async Task EveryFieldIsSavedAndReadBackByTheFormAndTheApi()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var saved = await admin.SubmitFormAsync(Path, Fields());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(Path + "?saved=true", saved.Headers.Location!.OriginalString);

        var api = (await app.CreateClient(await app.CreateApiKeyAsync(Roles.Admin)).GetFromJsonAsync<DiscussionSettingsShape>("/api/newsroom/settings/discussion"))!;
        Assert.Equal(["casino", "lottery"], api.HoldWords);
        Assert.Equal(["buy followers", "free money"], api.DenyWords);
        // Records compare lists by reference, so the lists are compared above and set aside here.
        string[] none = [];
        Assert.Equal(new DiscussionSettingsShape
        {
            CommentsOpenByDefault = false,
            CloseAfterDays = 14,
            RequirePreviousApproval = true,
            HoldLinkCount = 4,
            HoldWords = none,
            DenyWords = none,
            ThreadDepth = 3,
            PageSize = 25,
            NewestFirst = true,
            FloodSeconds = 30,
            MinimumSecondsToSubmit = 2,
            EraseIpAfterDays = 60,
        }, api with { HoldWords = none, DenyWords = none });

        var form = await (await admin.GetAsync(Path)).HtmlAsync();
        Assert.Null(form.QuerySelector("#commentsOpenByDefault")!.GetAttribute("checked"));
        Assert.NotNull(form.QuerySelector("#newestFirst")!.GetAttribute("checked"));
        Assert.Equal("14", form.QuerySelector("#closeAfterDays")!.GetAttribute("value"));
        Assert.Equal("casino\nlottery", form.QuerySelector("#holdWords")!.TextContent.ReplaceLineEndings("\n").Trim('\n'));
        Assert.Equal("buy followers\nfree money", form.QuerySelector("#denyWords")!.TextContent.ReplaceLineEndings("\n").Trim('\n'));
    }

    // Each instance keeps the settings in memory; a save on one reaches another sharing the
    // database with its next refresh, and the other's cached pages go with it.
    [Fact]
    public async Task AnotherInstanceOnTheSameDatabaseUsesTheNewSettingsWithinSeconds()
    {
        await using var other = new DatelineApp(app.Database);
        var otherApi = other.CreateClient(await other.CreateApiKeyAsync(Roles.Admin));
        var before = (await otherApi.GetFromJsonAsync<DiscussionSettingsShape>("/api/newsroom/settings/discussion"))!;
        var pageSize = before.PageSize == 37 ? 38 : 37;

        // An article page the other instance has cached, then renamed behind both apps' backs:
        // the other keeps showing the old headline until its cached pages are evicted.
        var writer = app.CreateClient(await app.CreateApiKeyAsync(Roles.Editor));
        var article = await writer.CreateArticleAsync(new { headline = $"Shared Discussion {Guid.NewGuid():N}", authors = new[] { "Settings Writer" }, status = "published" });
        var path = Http.PathOf(article);
        var reader = other.CreateReaderClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        var renamed = $"Renamed Discussion {Guid.NewGuid():N}";
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            var id = article.GetProperty("id").GetInt32();
            await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, renamed));
        }

        Assert.DoesNotContain(renamed, await reader.GetStringAsync(path));

        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(Path, Fields(pageSize: pageSize.ToString(CultureInfo.InvariantCulture)))).StatusCode);
        var deadline = DateTime.UtcNow + (SiteSettingsRefresher.Interval * 4);
        int seen;
        do
        {
            await Task.Delay(250);
            seen = (await otherApi.GetFromJsonAsync<DiscussionSettingsShape>("/api/newsroom/settings/discussion"))!.PageSize;
        }
        while (seen != pageSize && DateTime.UtcNow < deadline);

        Assert.Equal(pageSize, seen);
        Assert.Contains(renamed, await reader.GetStringAsync(path));
    }

    [Fact]
    public async Task InvalidFieldsAreNamedBesideThemAndNothingTypedIsLostOrSaved()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var api = app.CreateClient(await app.CreateApiKeyAsync(Roles.Admin));
        var before = await api.GetStringAsync("/api/newsroom/settings/discussion");

        var longWord = new string('x', 201);
        var refused = await admin.SubmitFormAsync(Path, Fields(holdWords: $"casino\n\n{longWord}", pageSize: "fifty", threadDepth: "0"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.HtmlAsync();
        Assert.Equal("Must be a whole number.", page.QuerySelector("#pageSize-error")!.TextContent);
        Assert.Equal("Must be between 1 and 10.", page.QuerySelector("#threadDepth-error")!.TextContent);
        Assert.StartsWith("Line 3: At most 200 characters", page.QuerySelector("#holdWords-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("fifty", page.QuerySelector("#pageSize")!.GetAttribute("value"));
        Assert.Equal("0", page.QuerySelector("#threadDepth")!.GetAttribute("value"));
        Assert.Equal("60", page.QuerySelector("#eraseIpAfterDays")!.GetAttribute("value"));
        Assert.Contains(longWord, page.QuerySelector("#holdWords")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#newestFirst")!.GetAttribute("checked"));

        Assert.Equal(before, await api.GetStringAsync("/api/newsroom/settings/discussion"));
    }
}

public sealed class DiscussionSettingsPageOnSqlite(SqliteApp app) : DiscussionSettingsPageTests(app), IClassFixture<SqliteApp>;

public sealed class DiscussionSettingsPageOnPostgres(PostgresApp app) : DiscussionSettingsPageTests(app), IClassFixture<PostgresApp>;
