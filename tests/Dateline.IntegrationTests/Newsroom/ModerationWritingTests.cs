using System.Net;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dateline.IntegrationTests.Newsroom.ModerationDriver;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>Writing in the comment queue: replies as staff, and moderators' edits.</summary>
public abstract class ModerationWritingTests(DatelineApp app)
{
    private readonly ModerationDriver driver = new(app);

    [Fact]
    public async Task AStaffReplyIsApprovedAtOnceMarkedAsStaffAndCarriesNoEmail()
    {
        var (id, path) = await driver.ArticleAsync();
        var question = await driver.CommentAsync(id, "Is this confirmed?");
        var (moderator, moderatorEmail) = await app.SignedInAsync(Roles.Moderator);
        await driver.PublicAsync(path);

        var queue = Queue("held", id);
        var page = await driver.PageAsync(moderator, queue);
        var form = page.QuerySelector($"#comment-{question} details.queue-reply form")!;
        var empty = await moderator.PostFormAsync(form, queue, new() { ["body"] = "   " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var again = await empty.HtmlAsync();
        Assert.NotNull(again.QuerySelector($"#comment-{question} details.queue-reply[open]"));
        Assert.Equal("Required.", again.QuerySelector($"#reply-{question}-error")!.TextContent);

        var replied = await moderator.PostFormAsync(form, queue, new() { ["body"] = "Yes, *confirmed* by the desk." });
        Assert.Equal(HttpStatusCode.SeeOther, replied.StatusCode);

        var article = await (await app.CreateReaderClient().GetAsync(path)).HtmlAsync();
        Assert.NotNull(article.QuerySelector($"#comment-{question}")); // replying approved the question
        var staff = article.QuerySelectorAll("li.comment-staff").Single();
        Assert.Equal($"comment-{question}", staff.ParentElement!.ParentElement!.Id);
        Assert.Equal("Staff", staff.QuerySelector(".staff-badge")!.TextContent);
        Assert.Contains("confirmed", staff.QuerySelector(".comment-body")!.TextContent, StringComparison.Ordinal);
        var html = article.DocumentElement.OuterHtml;
        Assert.DoesNotContain(moderatorEmail, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@example.org", html, StringComparison.Ordinal);

        var approved = await driver.PageAsync(moderator, Queue("approved", id));
        var row = approved.QuerySelectorAll(".queue-item.comment-staff").Single();
        Assert.Null(row.QuerySelector(".queue-email"));
        Assert.Null(row.QuerySelector(".queue-reason"));
    }

    [Fact]
    public async Task StaffMayStillAnswerWhereCommentsAreClosedToReaders()
    {
        var (id, path) = await driver.ArticleAsync();
        var question = await driver.CommentAsync(id, "Asked before closing time");
        var admin = app.CreateClient(await app.CreateApiKeyAsync(Roles.Admin));
        Assert.True((await admin.PatchJsonAsync($"/api/newsroom/articles/{id}", new { commentsOpen = false })).IsSuccessStatusCode);
        var refused = await app.CreateReaderClient().PostJsonAsync($"/api/articles/{id}/comments", new { body = "Too late", name = "Late", email = "late@example.org" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var (editor, _) = await app.SignedInAsync(Roles.Editor);
        var queue = Queue("held", id);
        var form = (await driver.PageAsync(editor, queue)).QuerySelector($"#comment-{question} details.queue-reply form")!;
        Assert.Equal(HttpStatusCode.SeeOther, (await editor.PostFormAsync(form, queue, new() { ["body"] = "Answered after closing." })).StatusCode);
        var page = await driver.PublicAsync(path);
        Assert.Contains("Comments are closed.", page, StringComparison.Ordinal);
        Assert.Contains("Answered after closing.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditKeepsWhatWasTypedOnAnErrorAndAValidEditShowsOnThePublicPage()
    {
        var (id, path) = await driver.ArticleAsync();
        var comment = await driver.CommentAsync(id, "Original words", name: "Ed Itable");
        var (moderator, _) = await app.SignedInAsync(Roles.Admin);
        await driver.RowActionAsync(moderator, Queue("held", id), comment, "approve");
        Assert.Contains("Original words", await driver.PublicAsync(path), StringComparison.Ordinal);

        var approved = await driver.PageAsync(moderator, Queue("approved", id));
        var edit = approved.QuerySelector($"#comment-{comment} a[href*='/edit']")!.GetAttribute("href")!;
        var form = (await driver.PageAsync(moderator, edit)).QuerySelector("main form.stacked-form")!;
        Assert.Equal("Original words", form.QuerySelector("textarea[name='body']")!.TextContent);

        var invalid = await moderator.PostFormAsync(form, edit, new() { ["body"] = "Better words, kept on error", ["name"] = "", ["url"] = "ftp://files.example.org" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var shown = await invalid.HtmlAsync();
        Assert.Equal("Better words, kept on error", shown.QuerySelector("textarea[name='body']")!.TextContent);
        Assert.Equal("ftp://files.example.org", shown.QuerySelector("input[name='url']")!.GetAttribute("value"));
        Assert.Equal("Required.", shown.QuerySelector("#edit-name-error")!.TextContent);
        Assert.NotNull(shown.QuerySelector("#edit-url-error"));
        Assert.Contains("Original words", await driver.PublicAsync(path), StringComparison.Ordinal);

        var saved = await moderator.PostFormAsync(shown.QuerySelector("main form.stacked-form")!, edit,
            new() { ["body"] = "Better words, now saved", ["name"] = "Ed Ited", ["url"] = "" });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.StartsWith("/newsroom/comments/?status=approved", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await driver.PublicAsync(path);
        Assert.Contains("Better words, now saved", page, StringComparison.Ordinal);
        Assert.Contains("Ed Ited", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Original words", page, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Comments.AsNoTracking().SingleAsync(c => c.Id == comment);
        Assert.NotNull(stored.UpdatedAt);
        Assert.Null(stored.AuthorUrl);
    }
}

public sealed class ModerationWritingOnSqlite(SqliteApp app) : ModerationWritingTests(app), IClassFixture<SqliteApp>;

public sealed class ModerationWritingOnPostgres(PostgresApp app) : ModerationWritingTests(app), IClassFixture<PostgresApp>;
