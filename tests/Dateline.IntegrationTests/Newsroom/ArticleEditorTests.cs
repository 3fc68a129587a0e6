using System.Net;
using System.Text.RegularExpressions;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>The newsroom's article pages, driven as a browser without JavaScript drives them.</summary>
public abstract partial class ArticleEditorTests(DatelineApp app)
{
    private static Dictionary<string, string> Fields(string headline, string body = "A first paragraph.\n\nA **second** one.", string authors = "Ann Writer",
        string topics = "", string action = "draft") => new()
    {
        ["Form.Headline"] = headline, ["Form.Body"] = body, ["Form.Authors"] = authors, ["Form.Topics"] = topics, ["action"] = action,
    };

    private static int IdOf(HttpResponseMessage saved)
    {
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return int.Parse(IdPattern().Match(saved.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Articles.CountAsync();
    }

    [Fact]
    public async Task AnEditorWritesPublishesAndFindsTheArticleOnTheSiteAndInTheList()
    {
        var (editor, _) = await app.SignedInAsync(Roles.Editor);
        var headline = $"Council Votes {Guid.NewGuid():N}"[..30];
        var topic = $"Topic {Guid.NewGuid():N}"[..14];
        var id = IdOf(await editor.SubmitFormAsync("/newsroom/articles/new", Fields(headline, topics: topic, action: "publish"), "form.editor"));
        var page = await (await editor.GetAsync($"/newsroom/articles/{id}?saved=published")).HtmlAsync();
        Assert.Equal("Published.", page.QuerySelector(".notice")!.TextContent);
        var publicPath = page.QuerySelector(".status-line a")!.GetAttribute("href")!;
        var response = await app.CreateReaderClient().GetAsync(publicPath);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{publicPath}: {(int)response.StatusCode}");
        var article = await response.HtmlAsync();
        Assert.Equal(headline, article.QuerySelector("h1.headline")?.TextContent);
        Assert.Equal("second", article.QuerySelector(".story-body strong")!.TextContent);

        var list = await (await editor.GetAsync($"/newsroom/articles/?status=published&topic={topic.ToLowerInvariant().Replace(' ', '-')}")).HtmlAsync();
        Assert.Equal([headline], list.QuerySelectorAll(".list-table tbody td[data-label='Headline'] > a:first-child").Select(a => a.TextContent));
        var none = await (await editor.GetAsync("/newsroom/articles/?status=draft&q=" + Uri.EscapeDataString(headline))).HtmlAsync();
        Assert.NotNull(none.QuerySelector(".empty"));
    }

    [Fact]
    public async Task PreviewRendersThroughThePublicPipelineAndSavesNothing()
    {
        var (editor, _) = await app.SignedInAsync(Roles.Author);
        var before = await CountAsync();
        var preview = await editor.SubmitFormAsync("/newsroom/articles/new", Fields("Preview Only", "Some *emphasis* and <script>alert(1)</script>", action: "preview"), "form.editor");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await preview.HtmlAsync();
        Assert.Equal("emphasis", page.QuerySelector(".preview em")!.TextContent);
        Assert.Null(page.QuerySelector(".preview script"));
        Assert.Contains("<script>alert(1)</script>", page.QuerySelector("#body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AnInvalidArticleComesBackWithTheErrorBesideItsFieldAndEverythingTyped()
    {
        var (editor, _) = await app.SignedInAsync(Roles.Editor);
        var before = await CountAsync();
        var fields = Fields("", "A long body the writer must not lose.", "Kept Author", "Kept Topic", "publish");
        fields["Form.Dek"] = "A kept dek";
        var refused = await editor.SubmitFormAsync("/newsroom/articles/new", fields, "form.editor");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.HtmlAsync();
        Assert.Equal("Required.", page.QuerySelector("#headline-error")!.TextContent);
        Assert.Equal("headline-error", page.QuerySelector("#headline")!.GetAttribute("aria-describedby"));
        Assert.Equal("A long body the writer must not lose.", page.QuerySelector("#body")!.TextContent);
        Assert.Equal("Kept Author", page.QuerySelector("#authors")!.TextContent);
        Assert.Equal("Kept Topic", page.QuerySelector("#topics")!.GetAttribute("value"));
        Assert.Equal("A kept dek", page.QuerySelector("#dek")!.GetAttribute("value"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task AContributorSavesDraftsButCannotPublish()
    {
        var (contributor, _) = await app.SignedInAsync(Roles.Contributor);
        var form = await (await contributor.GetAsync("/newsroom/articles/new")).HtmlAsync();
        Assert.Null(form.QuerySelector("button[value='publish']"));
        var id = IdOf(await contributor.SubmitFormAsync("/newsroom/articles/new", Fields("A Contributor's Draft"), "form.editor"));

        var forced = await contributor.SubmitFormAsync($"/newsroom/articles/{id}", Fields("A Contributor's Draft", "Changed body, kept.", action: "publish"), "form.editor");
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.Equal("Changed body, kept.", (await forced.HtmlAsync()).QuerySelector("#body")!.TextContent);
        using var scope = app.Services.CreateScope();
        var status = await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync();
        Assert.Equal(Dateline.Features.Articles.ArticleStatus.Draft, status);

        var (moderator, _) = await app.SignedInAsync(Roles.Moderator);
        var denied = await moderator.GetAsync("/newsroom/articles/new");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/newsroom/denied", denied.Headers.Location!.IsAbsoluteUri ? denied.Headers.Location.AbsolutePath : denied.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchedulingNeedsAFutureTimeAndUnpublishingTakesTheArticleDown()
    {
        var (editor, _) = await app.SignedInAsync(Roles.Editor);
        var id = IdOf(await editor.SubmitFormAsync("/newsroom/articles/new", Fields("Timed Story"), "form.editor"));
        var past = Fields("Timed Story", action: "schedule");
        past["Form.PublishAt"] = "2001-01-01T09:00";
        var refused = await editor.SubmitFormAsync($"/newsroom/articles/{id}", past, "form.editor");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await refused.HtmlAsync()).QuerySelector("#publishedAt-error"));

        var future = Fields("Timed Story", action: "schedule");
        future["Form.PublishAt"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"/newsroom/articles/{id}?saved=scheduled", (await editor.SubmitFormAsync($"/newsroom/articles/{id}", future, "form.editor")).Headers.Location!.OriginalString);
        var dashboard = await (await editor.GetAsync("/newsroom/")).HtmlAsync();
        Assert.Contains(dashboard.QuerySelectorAll(".panel li a"), a => a.TextContent == "Timed Story");

        Assert.Equal($"/newsroom/articles/{id}?saved=published", (await editor.SubmitFormAsync($"/newsroom/articles/{id}", Fields("Timed Story", action: "publish"), "form.editor")).Headers.Location!.OriginalString);
        var publicPath = (await (await editor.GetAsync($"/newsroom/articles/{id}")).HtmlAsync()).QuerySelector(".status-line a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await app.CreateReaderClient().GetAsync(publicPath)).StatusCode);
        await editor.SubmitFormAsync($"/newsroom/articles/{id}", Fields("Timed Story", action: "unpublish"), "form.editor");
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync(publicPath)).StatusCode);
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsIsToldAndLosesNothing()
    {
        var (first, _) = await app.SignedInAsync(Roles.Editor);
        var (second, _) = await app.SignedInAsync(Roles.Editor);
        var id = IdOf(await first.SubmitFormAsync("/newsroom/articles/new", Fields("Shared Story", "The original body."), "form.editor"));
        var path = $"/newsroom/articles/{id}";
        var secondForm = (await (await second.GetAsync(path)).HtmlAsync()).QuerySelector("form.editor")!;

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(path, Fields("Shared Story", "The first editor's body."), "form.editor")).StatusCode);
        var clash = await second.PostFormAsync(secondForm, path, Fields("Shared Story", "The second editor's careful body."));
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        var page = await clash.HtmlAsync();
        Assert.Equal("The second editor's careful body.", page.QuerySelector("#body")!.TextContent);
        Assert.Contains("The first editor's body.", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);

        // Saving again after seeing the other version is a deliberate choice, and goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(page.QuerySelector("form.editor")!, path, Fields("Shared Story", "The second editor's careful body."))).StatusCode);
        using var scope = app.Services.CreateScope();
        Assert.Equal("The second editor's careful body.", await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Articles.Where(a => a.Id == id).Select(a => a.BodyMarkdown).SingleAsync());
    }

    [Fact]
    public async Task APastedStoryBecomesADraftAndACorrectionShowsOnThePage()
    {
        var (editor, _) = await app.SignedInAsync(Roles.Editor);
        var pasted = await editor.SubmitFormAsync("/newsroom/articles/paste", new() { ["text"] = "Bridge Reopens After Repairs\n\nBy Dana Reporter\n\nThe bridge reopened on Monday.\n\nTraffic was light." });
        var id = IdOf(pasted);
        var page = await (await editor.GetAsync($"/newsroom/articles/{id}?saved=pasted")).HtmlAsync();
        Assert.Equal("Bridge Reopens After Repairs", page.QuerySelector("#headline")!.GetAttribute("value"));
        Assert.Equal("Dana Reporter", page.QuerySelector("#authors")!.TextContent);

        await editor.SubmitFormAsync($"/newsroom/articles/{id}", Fields("Bridge Reopens After Repairs", "The bridge reopened on Monday.", "Dana Reporter", action: "publish"), "form.editor");
        var empty = await editor.SubmitFormAsync($"/newsroom/articles/{id}", new() { ["kind"] = "correction", ["text"] = "" }, "form.note-form");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var noted = await editor.SubmitFormAsync($"/newsroom/articles/{id}", new() { ["kind"] = "correction", ["text"] = "An earlier version gave the wrong day." }, "form.note-form");
        Assert.Equal($"/newsroom/articles/{id}?saved=note", noted.Headers.Location!.OriginalString);
        var publicPath = (await (await editor.GetAsync($"/newsroom/articles/{id}")).HtmlAsync()).QuerySelector(".status-line a")!.GetAttribute("href")!;
        Assert.Contains("An earlier version gave the wrong day.", await app.CreateReaderClient().GetStringAsync(publicPath), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/newsroom/articles/(\d+)")]
    private static partial Regex IdPattern();
}

public sealed class ArticleEditorOnSqlite(SqliteApp app) : ArticleEditorTests(app), IClassFixture<SqliteApp>;

public sealed class ArticleEditorOnPostgres(PostgresApp app) : ArticleEditorTests(app), IClassFixture<PostgresApp>;
