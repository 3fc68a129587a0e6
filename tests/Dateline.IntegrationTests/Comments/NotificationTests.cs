using System.Net.Http.Json;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Mail;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Comments;

public abstract class NotificationTests(Provider provider)
{
    [Fact]
    public async Task ModeratorsHearOfHeldCommentsAndAuthorsOfApprovedOnesOverSmtp()
    {
        var (host, port, log) = SmtpSink.Require();
        using var database = new TestDatabase(provider);
        await using var app = new DatelineApp(database);
        app.Settings["Dateline:Smtp:Host"] = host;
        app.Settings["Dateline:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Dateline:Smtp:From"] = "Dateline Test <news@example.org>";
        app.Settings["Dateline:SiteUrl"] = "https://news.example.org";
        var moderator = await app.AddUserAsync(Roles.Moderator, "Mo Derator");
        var writerName = $"Wri Ter {Guid.NewGuid():N}"[..20];
        var writer = await app.AddUserAsync(Roles.Author, writerName);
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var headline = $"Mail Story {Guid.NewGuid():N}";
        var article = await admin.CreateArticleAsync(new { headline, authors = new[] { writerName }, status = "published" });
        var id = article.GetProperty("id").GetInt32();

        var reader = app.CreateReaderClient();
        var posted = await reader.PostAsJsonAsync($"/api/articles/{id}/comments", new { body = "Please approve me.", name = "New Person", email = "new.person@example.org" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);
        var held = await SmtpSink.WaitForAsync(log, $"To: {moderator}", headline);
        Assert.Contains("Please moderate", held, StringComparison.Ordinal);
        Assert.Contains("https://news.example.org/newsroom/comments?status=held", held, StringComparison.Ordinal);

        await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { requirePreviousApproval = false, floodSeconds = 0 }));
        await reader.PostAsJsonAsync($"/api/articles/{id}/comments", new { body = "Straight through.", name = "Trusted Person", email = "trusted@example.org" });
        var approved = await SmtpSink.WaitForAsync(log, $"To: {writer}", "Straight through.");
        Assert.Contains("https://news.example.org/", approved, StringComparison.Ordinal);
        Assert.DoesNotContain("trusted@example.org", approved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyMailNeedsAConfirmedSubscriptionAndStopsWhenAsked()
    {
        using var database = new TestDatabase(provider);
        await using var app = new DatelineApp(database);
        var log = app.MailTo();
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { requirePreviousApproval = false, floodSeconds = 0 }));
        var article = await admin.CreateArticleAsync(new { headline = "Replies By Mail", authors = new[] { "Someone" }, status = "published" });
        var articleId = article.GetProperty("id").GetInt32();
        var asker = $"asker-{Guid.NewGuid():N}@example.org";
        var reader = app.CreateReaderClient();
        var question = await (await reader.PostAsJsonAsync($"/api/articles/{articleId}/comments", new { body = "Does anyone know?", name = "Asker", email = asker, subscribe = true })).JsonAsync();
        var questionId = question.GetProperty("id").GetInt32();

        var request = await SmtpSink.WaitForAsync(log, $"To: {asker}", "Confirm replies");
        var confirm = Link(request, "/comments/subscriptions/confirm");
        async Task<int> RepliesMailedAsync()
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Set<OutgoingMail>()
                .CountAsync(m => m.To == asker && m.Subject.Contains("New reply"));
        }

        await reader.PostAsJsonAsync($"/api/articles/{articleId}/comments", new { body = "Before confirming.", name = "Early", email = "early@example.org", parentId = questionId });
        Assert.Equal(0, await RepliesMailedAsync());

        await FollowAsync(app, confirm);
        await reader.PostAsJsonAsync($"/api/articles/{articleId}/comments", new { body = "Yes, I know the answer.", name = "Helper", email = "helper@example.org", parentId = questionId });
        Assert.Equal(1, await RepliesMailedAsync());
        var reply = await SmtpSink.WaitForAsync(log, $"To: {asker}", "New reply");
        Assert.Contains("Yes, I know the answer.", Body(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("helper@example.org", reply, StringComparison.Ordinal);

        await FollowAsync(app, Link(reply, "/comments/subscriptions/unsubscribe"));
        await reader.PostAsJsonAsync($"/api/articles/{articleId}/comments", new { body = "One more answer.", name = "Late", email = "late@example.org", parentId = questionId });
        Assert.Equal(1, await RepliesMailedAsync());

        var forged = await app.CreateReaderClient().GetAsync("/comments/subscriptions/confirm?token=forged");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task ANewBrowserIsTrustedOnceItsAddressConfirmsByMail()
    {
        using var database = new TestDatabase(provider);
        await using var app = new DatelineApp(database);
        var log = app.MailTo();
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(new { floodSeconds = 0, minimumSecondsToSubmit = 0 }));
        var article = await admin.CreateArticleAsync(new { headline = "Trust By Mail", authors = new[] { "Someone" }, status = "published" });
        var (articleId, path) = (article.GetProperty("id").GetInt32(), Http.PathOf(article));
        var address = $"laptop-{Guid.NewGuid():N}@example.org";
        Dictionary<string, string> Fields(string body) => new() { ["body"] = body, ["name"] = "Lap Top", ["email"] = address, ["url"] = "" };
        int HeldId(HttpResponseMessage posted) => int.Parse(
            System.Text.RegularExpressions.Regex.Match(posted.Headers.Location!.OriginalString, @"held=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        // A brand-new address waits for a moderator, and no confirmation mail goes to it.
        var laptop = app.CreateReaderClient();
        var first = await laptop.SubmitCommentFormAsync(path, articleId, Fields("From my laptop."));
        var firstId = HeldId(first);
        Assert.Equal("first-comment", await ReasonAsync(app, firstId));
        await admin.PostAsync($"/api/newsroom/comments/{firstId}/approve", null);

        // The same address from another browser is held again, and the address is asked.
        var phone = app.CreateReaderClient();
        var second = await phone.SubmitCommentFormAsync(path, articleId, Fields("Now from my phone."));
        var secondId = HeldId(second);
        Assert.Equal("new-browser", await ReasonAsync(app, secondId));
        var third = await phone.SubmitCommentFormAsync(path, articleId, Fields("And once more from the phone."));
        var thirdId = HeldId(third);
        var mail = await SmtpSink.WaitForAsync(log, $"To: {address}", "Confirm your comment");
        var link = Link(mail, "/comments/confirm");

        // A stranger with a forged or altered link gets nothing; opening the real one changes nothing yet.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync("/comments/confirm?token=forged")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync(link + "x")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreateReaderClient().GetAsync(link)).StatusCode);
        Assert.Equal("new-browser", await ReasonAsync(app, secondId));

        var mailReader = app.CreateReaderClient();
        var form = (await (await mailReader.GetAsync(link)).HtmlAsync()).QuerySelector("main form")!;
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await mailReader.PostAsync(link, new FormUrlEncodedContent(fields))).StatusCode);
        // Only the comment the owner saw is published; the other stays with the moderators.
        Assert.Null(await ReasonAsync(app, secondId));
        Assert.Equal("new-browser", await ReasonAsync(app, thirdId));
        var page = await (await app.CreateReaderClient().GetAsync(path)).HtmlAsync();
        Assert.NotNull(page.QuerySelector($"#comment-{secondId}"));
        Assert.Null(page.QuerySelector($"#comment-{thirdId}"));

        // The phone is trusted now; pressing the button again is harmless.
        var fourth = await phone.SubmitCommentFormAsync(path, articleId, Fields("Straight through from the phone."));
        Assert.DoesNotContain("held=", fourth.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var again = await mailReader.PostAsync(link, new FormUrlEncodedContent(fields));
        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Your comment is published", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await MailsAsync(app, address, "Confirm your comment"));
    }

    private static async Task<string?> ReasonAsync(DatelineApp app, int commentId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Comments.Where(c => c.Id == commentId).Select(c => c.Reason).SingleAsync();
    }

    private static async Task<int> MailsAsync(DatelineApp app, string to, string subject)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Set<OutgoingMail>().CountAsync(m => m.To == to && m.Subject.Contains(subject));
    }

    // The sink prints the raw message; MimeKit undoes its transfer encoding.
    private static string Body(string raw)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw.TrimStart()));
        return MimeKit.MimeMessage.Load(stream).TextBody ?? "";
    }

    private static string Link(string raw, string path)
    {
        var body = Body(raw);
        var start = body.IndexOf("https://news.example.org" + path, StringComparison.Ordinal);
        Assert.True(start >= 0, body);
        var end = body.IndexOfAny(['\r', '\n', ' '], start);
        return body[(start + "https://news.example.org".Length)..(end < 0 ? body.Length : end)];
    }

    // Opening a mailed link only shows a button; pressing it acts.
    private static async Task FollowAsync(DatelineApp app, string link)
    {
        var client = app.CreateReaderClient();
        var page = await (await client.GetAsync(link)).HtmlAsync();
        var form = page.QuerySelector("main form")!;
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var response = await client.PostAsync(link, new FormUrlEncodedContent(fields));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AFailedSendIsKeptAndTriedAgainLater()
    {
        using var database = new TestDatabase(provider);
        await using var app = new DatelineApp(database);
        app.Settings["Dateline:Smtp:Host"] = "127.0.0.1";
        app.Settings["Dateline:Smtp:Port"] = "9"; // nothing listens on the discard port here
        await app.AddUserAsync(Roles.Editor, "Ed Itor");
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var article = await admin.CreateArticleAsync(new { headline = "Unsent Mail", authors = new[] { "Someone" }, status = "published" });
        var posted = await app.CreateReaderClient().PostAsJsonAsync($"/api/articles/{article.GetProperty("id").GetInt32()}/comments",
            new { body = "Held, with a mail that cannot go.", name = "Patient", email = "patient@example.org" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, posted.StatusCode);

        await app.Services.GetRequiredService<MailSender>().SendDueAsync(default);
        using var scope = app.Services.CreateScope();
        var mail = await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Set<OutgoingMail>().AsNoTracking().SingleAsync();
        Assert.Null(mail.SentAt);
        Assert.True(mail.Attempts >= 1);
        Assert.NotNull(mail.LastError);
        Assert.True(mail.NextAttemptAt > DateTime.UtcNow.AddSeconds(30));
    }

    [Fact]
    public async Task InstancesSharingADatabaseSendEachMessageOnce()
    {
        var (host, port, log) = SmtpSink.Require();
        using var database = new TestDatabase(provider);
        await using var first = new DatelineApp(database);
        await using var second = new DatelineApp(database);
        foreach (var app in new[] { first, second })
        {
            app.Settings["Dateline:Smtp:Host"] = host;
            app.Settings["Dateline:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var run = Guid.NewGuid().ToString("N")[..12];
        const int count = 40;
        using (var scope = first.Services.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            for (var i = 0; i < count; i++)
            {
                outbox.Enqueue($"shared-{i}@example.org", $"Claim {run} #{i}.", "One copy only.");
            }

            await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().SaveChangesAsync();
        }

        // Both instances' background senders run too; these calls make the race certain.
        var senders = new[] { first.Services.GetRequiredService<MailSender>(), second.Services.GetRequiredService<MailSender>() };
        async Task<int> UnsentAsync()
        {
            using var scope = first.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Set<OutgoingMail>().CountAsync(m => m.SentAt == null);
        }

        // A background sender may hold the last claims while these calls find nothing left to
        // take: on a loaded machine, twenty quick rounds could end before it had sent them.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await UnsentAsync() > 0 && DateTime.UtcNow < deadline)
        {
            await Task.WhenAll(senders.Select(s => Task.Run(() => s.SendDueAsync(default))));
            await Task.Delay(50);
        }

        using (var scope = first.Services.CreateScope())
        {
            var unsent = await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Set<OutgoingMail>().AsNoTracking()
                .Where(m => m.SentAt == null).Select(m => $"{m.Subject}: {m.Attempts} attempts, {m.LastError}").ToListAsync();
            Assert.True(unsent.Count == 0, "not sent: " + string.Join("; ", unsent));
        }

        await SmtpSink.WaitForAsync(log, $"Claim {run} #{count - 1}.");
        await Task.Delay(500); // a duplicate would arrive right behind the original
        string received;
        using (var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
        {
            received = await reader.ReadToEndAsync();
        }

        for (var i = 0; i < count; i++)
        {
            var subject = $"Subject: Claim {run} #{i}.";
            var copies = received.Split(subject).Length - 1;
            Assert.True(copies == 1, $"{subject} arrived {copies} times");
        }
    }
}

public sealed class NotificationsOnSqlite() : NotificationTests(Provider.Sqlite);

public sealed class NotificationsOnPostgres() : NotificationTests(Provider.Postgres);
