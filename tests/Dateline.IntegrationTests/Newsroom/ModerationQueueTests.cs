using System.Globalization;
using System.Net;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Comments;
using Dateline.Features.Mail;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dateline.IntegrationTests.Newsroom.ModerationDriver;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>The newsroom's comment queue at /newsroom/comments/, driven as a browser without JavaScript drives it.</summary>
public abstract class ModerationQueueTests(DatelineApp app)
{
    private readonly ModerationDriver driver = new(app);

    [Fact]
    public async Task EachTabShowsItsCountAndTheHeldTabListsNewestFirstWithTheReason()
    {
        var (id, _) = await driver.ArticleAsync();
        var api = app.CreateClient(await app.CreateApiKeyAsync(Roles.Moderator));
        var ids = new List<int>();
        foreach (var body in new[] { "First held", "To approve", "To spam", "To trash", "Second held" })
        {
            ids.Add(await driver.CommentAsync(id, body));
        }

        await api.PostAsync($"/api/newsroom/comments/{ids[1]}/approve", null);
        await api.PostAsync($"/api/newsroom/comments/{ids[2]}/spam", null);
        await api.PostAsync($"/api/newsroom/comments/{ids[3]}/trash", null);

        var (moderator, _) = await app.SignedInAsync(Roles.Moderator);
        var page = await driver.PageAsync(moderator, Queue("held", id));
        Assert.Equal((2, 1, 1, 1), (Count(page, "Held"), Count(page, "Approved"), Count(page, "Spam"), Count(page, "Trash")));
        Assert.Equal("page", page.QuerySelector(".status-tabs a[aria-current]")!.GetAttribute("aria-current"));
        Assert.StartsWith("Held", page.QuerySelector(".status-tabs a[aria-current]")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll(".queue-item").Select(r => r.Id).ToList();
        Assert.Equal([$"comment-{ids[4]}", $"comment-{ids[0]}"], rows);
        Assert.Equal("first-comment", page.QuerySelector($"#comment-{ids[0]} .queue-reason code")!.TextContent);
        Assert.Contains("Second held", page.QuerySelector($"#comment-{ids[4]} .comment-body")!.TextContent, StringComparison.Ordinal);

        // The dashboard's link keeps working.
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/newsroom/comments/?status=held")).StatusCode);
    }

    [Fact]
    public async Task OneCommentApprovedThenSpammedShowsOnThePublicPageAndFeedAtOnce()
    {
        var (id, path) = await driver.ArticleAsync();
        var comment = await driver.CommentAsync(id, "A held thought worth publishing");
        Assert.DoesNotContain("A held thought", await driver.PublicAsync(path), StringComparison.Ordinal);
        Assert.DoesNotContain("A held thought", await driver.PublicAsync(path + "feed/"), StringComparison.Ordinal);

        var (moderator, _) = await app.SignedInAsync(Roles.Moderator);
        await driver.RowActionAsync(moderator, Queue("held", id), comment, "approve");
        Assert.Contains($"id=\"comment-{comment}\"", await driver.PublicAsync(path), StringComparison.Ordinal);
        Assert.Contains("A held thought", await driver.PublicAsync(path + "feed/"), StringComparison.Ordinal);
        Assert.Contains("A held thought", await driver.PublicAsync("/comments/feed/"), StringComparison.Ordinal);

        await driver.RowActionAsync(moderator, Queue("approved", id), comment, "spam");
        Assert.DoesNotContain($"id=\"comment-{comment}\"", await driver.PublicAsync(path), StringComparison.Ordinal);
        Assert.DoesNotContain("A held thought", await driver.PublicAsync(path + "feed/"), StringComparison.Ordinal);
        var spam = await driver.PageAsync(moderator, Queue("spam", id));
        Assert.NotNull(spam.QuerySelector($"#comment-{comment}"));

        await driver.RowActionAsync(moderator, Queue("spam", id), comment, "trash");
        await driver.RowActionAsync(moderator, Queue("trash", id), comment, "hold");
        var held = await driver.PageAsync(moderator, Queue("held", id));
        Assert.NotNull(held.QuerySelector($"#comment-{comment}"));
        Assert.Equal(1, Count(held, "Held"));
    }

    [Fact]
    public async Task BulkActionsMoveEveryTickedCommentAndMailTheArticlesAuthor()
    {
        var writerName = $"Writer {Guid.NewGuid():N}"[..20];
        var writer = await app.AddUserAsync(Roles.Author, writerName);
        var (id, path) = await driver.ArticleAsync([writerName]);
        var a = await driver.CommentAsync(id, "Bulk one");
        var b = await driver.CommentAsync(id, "Bulk two");
        var c = await driver.CommentAsync(id, "Bulk three");
        await driver.PublicAsync(path);
        var (moderator, _) = await app.SignedInAsync(Roles.Editor);

        var approved = await driver.BulkAsync(moderator, Queue("held", id), "approve", a, b);
        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
        Assert.Equal("Approved 2 comments.", (await driver.PageAsync(moderator, approved.Headers.Location!.OriginalString)).QuerySelector(".notice")!.TextContent);
        var page = await driver.PublicAsync(path);
        Assert.Contains("Bulk one", page, StringComparison.Ordinal);
        Assert.Contains("Bulk two", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Bulk three", page, StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            var mail = await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Set<OutgoingMail>().AsNoTracking()
                .Where(m => m.To == writer).Select(m => m.TextBody).ToListAsync();
            Assert.Equal(2, mail.Count);
            Assert.Contains(mail, m => m.Contains("Bulk one", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.SeeOther, (await driver.BulkAsync(moderator, Queue("approved", id), "spam", a, b)).StatusCode);
        Assert.DoesNotContain("Bulk one", await driver.PublicAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, (await driver.BulkAsync(moderator, Queue("spam", id), "trash", a, b)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await driver.BulkAsync(moderator, Queue("held", id), "trash", c)).StatusCode);
        var trash = await driver.PageAsync(moderator, Queue("trash", id));
        Assert.Equal((0, 0, 0, 3), (Count(trash, "Held"), Count(trash, "Approved"), Count(trash, "Spam"), Count(trash, "Trash")));

        var deleted = await driver.BulkAsync(moderator, Queue("trash", id), "delete", a, b);
        Assert.Equal("Deleted 2 comments for good.", (await driver.PageAsync(moderator, deleted.Headers.Location!.OriginalString)).QuerySelector(".notice")!.TextContent);
        trash = await driver.PageAsync(moderator, Queue("trash", id));
        Assert.Equal([$"comment-{c}"], trash.QuerySelectorAll(".queue-item").Select(r => r.Id));
        Assert.Equal(1, Count(trash, "Trash"));
    }

    [Fact]
    public async Task ApprovingAHeldReplyTellsTheParentsSubscribedAuthorOnce()
    {
        var (id, _) = await driver.ArticleAsync();
        var asker = $"asker-{Guid.NewGuid():N}@example.org";
        var question = await driver.CommentAsync(id, "Who knows the answer?", asker);
        using (var scope = app.Services.CreateScope())
        {
            // The mailed double opt-in has its own tests; here the subscription is simply confirmed.
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            db.Set<ReplySubscription>().Add(new ReplySubscription { CommentId = question, CreatedAt = DateTime.UtcNow, ConfirmedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var (moderator, _) = await app.SignedInAsync(Roles.Moderator);
        await driver.RowActionAsync(moderator, Queue("held", id), question, "approve");
        var answer = await driver.CommentAsync(id, "The answer is forty-two.", parentId: question);
        Assert.Equal(0, await RepliesMailedAsync());

        Assert.Equal(HttpStatusCode.SeeOther, (await driver.BulkAsync(moderator, Queue("held", id), "approve", answer)).StatusCode);
        Assert.Equal(1, await RepliesMailedAsync());
        Assert.Equal(HttpStatusCode.SeeOther, (await driver.BulkAsync(moderator, Queue("approved", id), "approve", answer)).StatusCode);
        Assert.Equal(1, await RepliesMailedAsync());

        async Task<int> RepliesMailedAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Set<OutgoingMail>()
                .CountAsync(m => m.To == asker && m.Subject.Contains("New reply") && m.TextBody.Contains("forty-two"));
        }
    }

    [Fact]
    public async Task DeletingACommentForGoodMovesItsRepliesUpTheThread()
    {
        var (id, path) = await driver.ArticleAsync();
        var api = app.CreateClient(await app.CreateApiKeyAsync(Roles.Moderator));
        var top = await driver.CommentAsync(id, "Top of the thread");
        await api.PostAsync($"/api/newsroom/comments/{top}/approve", null);
        var middle = await driver.CommentAsync(id, "Middle of the thread", parentId: top);
        await api.PostAsync($"/api/newsroom/comments/{middle}/approve", null);
        var reply = await driver.CommentAsync(id, "Reply to the middle", parentId: middle);
        await api.PostAsync($"/api/newsroom/comments/{reply}/approve", null);
        await api.PostAsync($"/api/newsroom/comments/{middle}/trash", null);
        Assert.Contains("This comment was removed.", await driver.PublicAsync(path), StringComparison.Ordinal);

        var (moderator, _) = await app.SignedInAsync(Roles.Moderator);
        await driver.RowActionAsync(moderator, Queue("trash", id), middle, "delete");
        var page = await driver.PublicAsync(path);
        Assert.DoesNotContain("This comment was removed.", page, StringComparison.Ordinal);
        var thread = await (await app.CreateReaderClient().GetAsync($"/api/articles/{id}/comments")).JsonAsync();
        var root = thread.EnumerateArray().Single();
        Assert.Equal(top, root.GetProperty("id").GetInt32());
        Assert.Equal(reply, root.GetProperty("replies").EnumerateArray().Single().GetProperty("id").GetInt32());
        Assert.Equal(top, root.GetProperty("replies")[0].GetProperty("parentId").GetInt32());

        // Approved and held comments are not deleted, whatever the form says.
        Assert.Equal(HttpStatusCode.SeeOther, (await moderator.PostFormAsync((await driver.PageAsync(moderator, Queue("approved", id))).QuerySelector($"#comment-{top} form.row-actions")!, Queue("approved", id), new() { ["decision"] = "delete" })).StatusCode);
        Assert.Contains("Top of the thread", await driver.PublicAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommentersOtherCommentsAreOneLinkAwayAndSearchNarrowsTheList()
    {
        var (first, _) = await driver.ArticleAsync();
        var (second, _) = await driver.ArticleAsync();
        var email = $"Regular-{Guid.NewGuid():N}@Example.org";
        var one = await driver.CommentAsync(first, "Regular on the first story", email);
        var two = await driver.CommentAsync(second, "Regular on the second story", email);
        var stranger = await driver.CommentAsync(first, "Somebody else entirely");
        var (moderator, _) = await app.SignedInAsync(Roles.Moderator);

        var page = await driver.PageAsync(moderator, Queue("held", first));
        var link = page.QuerySelector($"#comment-{one} a.queue-others")!.GetAttribute("href")!;
        var others = await driver.PageAsync(moderator, link);
        var rows = others.QuerySelectorAll(".queue-item").Select(r => r.Id).ToList();
        Assert.Equal([$"comment-{two}", $"comment-{one}"], rows);
        Assert.Equal(2, Count(others, "Held"));

        var found = await driver.PageAsync(moderator, Queue("held", first, "&q=SOMEBODY"));
        Assert.Equal([$"comment-{stranger}"], found.QuerySelectorAll(".queue-item").Select(r => r.Id));
    }

    [Theory]
    [InlineData(Roles.Moderator, true)]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Author, false)]
    [InlineData(Roles.Contributor, false)]
    public async Task OnlyModeratorsEditorsAndAdminsMayOpenTheQueue(string role, bool allowed)
    {
        var (browser, _) = await app.SignedInAsync(role);
        var response = await browser.GetAsync("/newsroom/comments/?status=held");
        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = await browser.GetAsync(response.Headers.Location!.PathAndQuery());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/newsroom/comments/1/edit")).StatusCode);
    }

    [Fact]
    public async Task StrangersAreSentToTheLoginPage()
    {
        var response = await app.Browser().GetAsync("/newsroom/comments/?status=held");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/newsroom/login?ReturnUrl=%2Fnewsroom%2Fcomments%2F", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostWithoutItsAntiforgeryTokenIsRefused()
    {
        var (id, _) = await driver.ArticleAsync();
        var comment = await driver.CommentAsync(id, "Still held after a forged post");
        var (moderator, _) = await app.SignedInAsync(Roles.Moderator);
        var forged = await moderator.PostAsync("/newsroom/comments/?handler=moderate&status=held",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ids"] = comment.ToString(CultureInfo.InvariantCulture), ["decision"] = "approve" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var page = await driver.PageAsync(moderator, Queue("held", id));
        Assert.NotNull(page.QuerySelector($"#comment-{comment}"));
    }

    [Fact]
    public async Task EmailAndIpAreShownInTheQueueAndNowhereOnThePublicPage()
    {
        var (id, path) = await driver.ArticleAsync();
        var email = $"private-{Guid.NewGuid():N}@example.org";
        var comment = await driver.CommentAsync(id, "Please keep my address private", email);
        var (moderator, _) = await app.SignedInAsync(Roles.Moderator);
        var held = await driver.PageAsync(moderator, Queue("held", id));
        var row = held.QuerySelector($"#comment-{comment}")!;
        Assert.Equal(email, row.QuerySelector(".queue-email")!.TextContent);
        var ip = row.QuerySelector(".queue-ip")!.TextContent.Replace("IP ", "", StringComparison.Ordinal);
        Assert.StartsWith("10.77.", ip, StringComparison.Ordinal);

        await driver.RowActionAsync(moderator, Queue("held", id), comment, "approve");
        var page = await driver.PublicAsync(path);
        Assert.Contains("Please keep my address private", page, StringComparison.Ordinal);
        Assert.DoesNotContain(email, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ip, page, StringComparison.Ordinal);
    }
}

public sealed class ModerationQueueOnSqlite(SqliteApp app) : ModerationQueueTests(app), IClassFixture<SqliteApp>;

public sealed class ModerationQueueOnPostgres(PostgresApp app) : ModerationQueueTests(app), IClassFixture<PostgresApp>;
