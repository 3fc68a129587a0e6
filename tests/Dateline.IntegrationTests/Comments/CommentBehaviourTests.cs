using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Comments;
using Dateline.Features.Mail;
using Dateline.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Comments;

/// <summary>
/// The comment behaviours that WordPress's, Isso's and Remark42's test suites assert, where
/// Dateline has the same rule (docs/comments.md lists them all). Each test names its item.
/// </summary>
public abstract class CommentBehaviourTests(DatelineApp app)
{
    private static int nextIp;

    private async Task<HttpClient> AdminAsync() => app.CreateClient(await app.CreateApiKeyAsync("admin"));

    private static async Task<(int Id, string Path)> ArticleAsync(HttpClient admin, string status = "published", DateTime? publishedAt = null, IReadOnlyList<string>? authors = null)
    {
        var article = await admin.CreateArticleAsync(new { headline = $"Behaviour Story {Guid.NewGuid():N}", authors = authors ?? ["Host"], status, publishedAt });
        return (article.GetProperty("id").GetInt32(), status == "published" ? Http.PathOf(article) : "");
    }

    // Every reader posts from an address of its own, so that neither the flood rule nor the
    // per-address rate limit couples one step to the next unless a test means it to.
    private HttpClient Reader(string? ip = null, string? baseAddress = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = baseAddress is null ? app.ClientOptions.BaseAddress : new Uri(baseAddress),
        });
        var n = Interlocked.Increment(ref nextIp);
        client.DefaultRequestHeaders.Add(TestRemoteIp.Header, ip ?? $"10.47.{n / 250}.{(n % 250) + 1}");
        return client;
    }

    private static object Comment(string body, string name = "Reader", string? email = null, int? parentId = null, string? url = null) =>
        new { body, name, email = email ?? $"{Guid.NewGuid():N}@example.org", parentId, url };

    private static async Task<int> IdOfAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, int articleId, Dictionary<string, string> fields) =>
        browser.SubmitCommentFormAsync(path, articleId, fields);

    private static Dictionary<string, string> Fields(string body, string? email = null, string name = "Rita Reader", string url = "") =>
        new() { ["body"] = body, ["name"] = name, ["email"] = email ?? $"{Guid.NewGuid():N}@example.org", ["url"] = url };

    private static int HeldIdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location[(location.LastIndexOf("#comment-", StringComparison.Ordinal) + "#comment-".Length)..], CultureInfo.InvariantCulture);
    }

    private static async Task SettingsAsync(HttpClient admin, DiscussionSettingsShape settings)
    {
        var response = await admin.PutAsync("/api/newsroom/settings/discussion", JsonContent.Create(settings));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<Comment> StoredAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Comments.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<int> CommentCountAsync(int articleId) =>
        (await (await app.CreateReaderClient().GetAsync($"/api/articles/{articleId}")).JsonAsync()).GetProperty("commentCount").GetInt32();

    private async Task<List<int>> PublicIdsAsync(int articleId)
    {
        var ids = new List<int>();
        void Walk(JsonElement list)
        {
            foreach (var c in list.EnumerateArray())
            {
                ids.Add(c.GetProperty("id").GetInt32());
                Walk(c.GetProperty("replies"));
            }
        }

        Walk(await (await app.CreateReaderClient().GetAsync($"/api/articles/{articleId}/comments")).JsonAsync());
        return ids;
    }

    [Fact]
    public async Task Behaviour01_ACommentOnAnUnknownArticleIsNotFoundOnBothWaysIn()
    {
        var api = await Reader().PostJsonAsync("/api/articles/987654/comments", Comment("Anyone here?"));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);

        var form = await SubmitAsync(Reader(), "", 987654, Fields("Words for nowhere"));
        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal("Words for nowhere", (await form.HtmlAsync()).QuerySelector("textarea")!.TextContent);
    }

    [Fact]
    public async Task Behaviour03_DraftScheduledAndDeletedArticlesTakeNoCommentsAndDoNotSayTheyExist()
    {
        var admin = await AdminAsync();
        var (draft, _) = await ArticleAsync(admin, "draft");
        var (scheduled, _) = await ArticleAsync(admin, "scheduled", DateTime.UtcNow.AddDays(2));
        var (deleted, _) = await ArticleAsync(admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/newsroom/articles/{deleted}")).StatusCode);
        var unknown = await (await Reader().PostJsonAsync("/api/articles/987655/comments", Comment("Hello"))).JsonAsync();

        foreach (var id in new[] { draft, scheduled, deleted })
        {
            var api = await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Early bird"));
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Equal(unknown.GetProperty("detail").GetString(), (await api.JsonAsync()).GetProperty("detail").GetString());
            var form = await SubmitAsync(Reader(), "", id, Fields("Early bird by form"));
            Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync($"/api/articles/{id}/comments")).StatusCode);
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        Assert.False(await db.Comments.AnyAsync(c => c.Body.StartsWith("Early bird")));
    }

    [Fact]
    public async Task Behaviour07_CommentsCloseTheConfiguredNumberOfDaysAfterPublication()
    {
        var admin = await AdminAsync();
        var (old, oldPath) = await ArticleAsync(admin);
        var (fresh, freshPath) = await ArticleAsync(admin);
        var earlier = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{old}/comments", Comment("While it was open")));
        await admin.PostAsync($"/api/newsroom/comments/{earlier}/approve", null);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Articles.Where(a => a.Id == old)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, DateTime.UtcNow.AddHours(-25)));
        }

        await SettingsAsync(admin, new DiscussionSettingsShape { CloseAfterDays = 1, RequirePreviousApproval = false, MinimumSecondsToSubmit = 0 });
        try
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Reader().PostJsonAsync($"/api/articles/{old}/comments", Comment("Too late"))).StatusCode);
            var refused = await SubmitAsync(Reader(), oldPath, old, Fields("Too late by form"));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("Too late by form", (await refused.HtmlAsync()).QuerySelector("textarea")!.TextContent);

            // The page says so instead of offering a form that can only be refused.
            var oldPage = await (await app.CreateReaderClient().GetAsync(oldPath)).HtmlAsync();
            Assert.Equal("Comments are closed.", oldPage.QuerySelector(".comments-closed")?.TextContent);
            Assert.Null(oldPage.QuerySelector("form.reply-form"));
            Assert.NotNull(oldPage.QuerySelector($"#comment-{earlier}"));
            Assert.Null(oldPage.QuerySelector(".comment-reply"));

            Assert.Equal(HttpStatusCode.Created, (await Reader().PostJsonAsync($"/api/articles/{fresh}/comments", Comment("Just in time"))).StatusCode);
            Assert.Equal(HttpStatusCode.SeeOther, (await SubmitAsync(Reader(), freshPath, fresh, Fields("Just in time by form"))).StatusCode);
            Assert.NotNull((await (await app.CreateReaderClient().GetAsync(freshPath)).HtmlAsync()).QuerySelector("form.reply-form"));
        }
        finally
        {
            await SettingsAsync(admin, new DiscussionSettingsShape());
        }

        Assert.Equal(HttpStatusCode.Accepted, (await Reader().PostJsonAsync($"/api/articles/{old}/comments", Comment("Open again"))).StatusCode);
        Assert.NotNull((await (await app.CreateReaderClient().GetAsync(oldPath)).HtmlAsync()).QuerySelector($"#comment-{earlier} .comment-reply"));
    }

    [Fact]
    public async Task Behaviour08_AMissingNameOrEmailOrAMalformedEmailIsNamed()
    {
        var (id, path) = await ArticleAsync(await AdminAsync());
        var missing = await Reader().PostRawAsync($"/api/articles/{id}/comments", """{"body": "Who am I?"}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var errors = (await missing.JsonAsync()).GetProperty("errors");
        Assert.Equal(["email", "name"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var malformed = await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Hello", email: "bob@"));
        Assert.Equal(["email"], (await malformed.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));

        var form = await SubmitAsync(Reader(), path, id, new() { ["body"] = "Hello by form", ["name"] = "Named", ["email"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, form.StatusCode);
        var page = await form.HtmlAsync();
        Assert.NotNull(page.QuerySelector("#email-error"));
        Assert.Null(page.QuerySelector("#author-error"));
    }

    [Fact]
    public async Task Behaviour10_FieldsStopAtWordPressColumnLengthsAndALongUserAgentIsCutNotRefused()
    {
        var (id, _) = await ArticleAsync(await AdminAsync());
        var tooLong = await Reader().PostJsonAsync($"/api/articles/{id}/comments", new
        {
            body = new string('b', CommentLimits.Body + 1),
            name = new string('n', 246),
            email = new string('e', 101 - "@example.org".Length) + "@example.org",
            url = "https://example.org/" + new string('u', 201 - "https://example.org/".Length),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        var errors = (await tooLong.JsonAsync()).GetProperty("errors");
        Assert.StartsWith("At most 20,000 characters", errors.GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("At most 245 characters", errors.GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("At most 100 characters", errors.GetProperty("email")[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("At most 200 characters", errors.GetProperty("url")[0].GetString(), StringComparison.Ordinal);

        var reader = Reader();
        var agent = "Mozilla/5.0 " + new string('a', 600);
        reader.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", agent);
        var email = new string('e', 100 - "@example.org".Length) + "@example.org";
        var url = "https://example.org/" + new string('u', 200 - "https://example.org/".Length);
        var atLimits = await reader.PostJsonAsync($"/api/articles/{id}/comments", new { body = new string('b', CommentLimits.Body), name = new string('n', 245), email, url });
        var stored = await StoredAsync(await IdOfAsync(atLimits));
        Assert.Equal(245, stored.AuthorName.Length);
        Assert.Equal(email, stored.AuthorEmail);
        Assert.Equal(url, stored.AuthorUrl);
        Assert.Equal(CommentLimits.Body, stored.Body.Length);
        Assert.Equal(agent[..500], stored.UserAgent);
    }

    [Fact]
    public async Task Behaviour11_AWebsiteWithoutASchemeIsStoredAsHttpAndOtherSchemesAreRefused()
    {
        var admin = await AdminAsync();
        var (id, path) = await ArticleAsync(admin);
        var api = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("My site", url: "user.example.org")));
        Assert.Equal("http://user.example.org", (await StoredAsync(api)).AuthorUrl);
        var secure = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("My secure site", url: "https://secure.example.org/me")));
        Assert.Equal("https://secure.example.org/me", (await StoredAsync(secure)).AuthorUrl);
        var form = HeldIdOf(await SubmitAsync(Reader(), path, id, Fields("My site by form", url: "form.example.org/about")));
        Assert.Equal("http://form.example.org/about", (await StoredAsync(form)).AuthorUrl);

        foreach (var bad in new[] { "ftp://files.example.org", "tel:+15555550100", "javascript:alert(1)", "justaword" })
        {
            var refused = await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Bad site", url: bad));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(["url"], (await refused.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
    }

    [Fact]
    public async Task Behaviour13_TypingANewsroomUsersEmailEarnsNoTrust()
    {
        var email = $"staff-{Guid.NewGuid():N}@example.org";
        using (var scope = app.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<NewsroomUsers>().AddAsync(email, "Staff Writer", Roles.Editor, "a long enough password", default)).IsEmpty);
        }

        var (id, _) = await ArticleAsync(await AdminAsync());
        var response = await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("I am staff, honest.", "Staff Writer", email));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await StoredAsync(await IdOfAsync(response));
        Assert.Equal(CommentStatus.Held, stored.Status);
        Assert.Equal("first-comment", stored.Reason);
        Assert.Null(stored.UserId);
    }

    [Fact]
    public async Task Behaviour14_AReadersCommentIsStoredAsAComment()
    {
        var admin = await AdminAsync();
        var (id, _) = await ArticleAsync(admin);
        var commentId = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Plain comment")));
        var moderated = await (await admin.PostAsync($"/api/newsroom/comments/{commentId}/hold", null)).JsonAsync();
        Assert.Equal("comment", moderated.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Behaviour15_BackslashesAreStoredAndShownVerbatim()
    {
        var admin = await AdminAsync();
        var (id, path) = await ArticleAsync(admin);
        const string body = @"Comment with 1 slash: \ and 2 slashes: \\ and a path C:\temp\n";
        const string name = @"Bob \ Slash";
        var api = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment(body, name)));
        var form = HeldIdOf(await SubmitAsync(Reader(), path, id, Fields(body + " (form)", name: name)));
        foreach (var commentId in new[] { api, form })
        {
            var moderated = await (await admin.PostAsync($"/api/newsroom/comments/{commentId}/approve", null)).JsonAsync();
            Assert.StartsWith(body, moderated.GetProperty("body").GetString(), StringComparison.Ordinal);
            Assert.Equal(name, moderated.GetProperty("authorName").GetString());
        }

        var thread = await (await app.CreateReaderClient().GetAsync($"/api/articles/{id}/comments")).JsonAsync();
        Assert.All(thread.EnumerateArray(), c =>
        {
            Assert.Contains(@"1 slash: \ and 2 slashes: \\ and a path C:\temp\n", c.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
            Assert.Equal(name, c.GetProperty("authorName").GetString());
        });
    }

    [Fact]
    public async Task Behaviour18_ADuplicateIsTheSameTextByTheSameNameAndEmailUnderTheSameParent()
    {
        var admin = await AdminAsync();
        var (id, _) = await ArticleAsync(admin);
        var (other, _) = await ArticleAsync(admin);
        await SettingsAsync(admin, new DiscussionSettingsShape { RequirePreviousApproval = false, FloodSeconds = 0 });
        try
        {
            Task<HttpResponseMessage> PostAsync(int articleId, string name, string email, int? parentId = null) =>
                Reader().PostJsonAsync($"/api/articles/{articleId}/comments", Comment("Same words", name, email, parentId));

            var first = await IdOfAsync(await PostAsync(id, "Bob", "bob@example.org"));
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(id, "Bob", "Bob@Example.org")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(id, "Bob", "another.bob@example.org")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(id, "Robert", "bob@example.org")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(id, "Bob", "bob@example.org", parentId: first)).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(other, "Bob", "bob@example.org")).StatusCode);

            await admin.PostAsync($"/api/newsroom/comments/{first}/trash", null);
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(id, "Bob", "bob@example.org")).StatusCode);
        }
        finally
        {
            await SettingsAsync(admin, new DiscussionSettingsShape());
        }
    }

    [Fact]
    public async Task Behaviour20_ASecondCommentFromTheSameAddressOrEmailWithinTheIntervalIsAFlood()
    {
        var (id, _) = await ArticleAsync(await AdminAsync());
        var email = $"{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Accepted, (await Reader("10.20.0.1").PostJsonAsync($"/api/articles/{id}/comments", Comment("First words", email: email))).StatusCode);
        var sameAddress = await Reader("10.20.0.1").PostJsonAsync($"/api/articles/{id}/comments", Comment("Other words"));
        Assert.Equal(HttpStatusCode.TooManyRequests, sameAddress.StatusCode);
        Assert.InRange(int.Parse(sameAddress.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 15);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Reader("10.20.0.2").PostJsonAsync($"/api/articles/{id}/comments", Comment("More words", email: email))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Reader("10.20.0.3").PostJsonAsync($"/api/articles/{id}/comments", Comment("Someone else"))).StatusCode);
    }

    [Fact]
    public async Task Behaviour24_AsManyLinksAsTheLimitHoldACommentAndFewerPass()
    {
        var admin = await AdminAsync();
        var (id, _) = await ArticleAsync(admin);
        const string twoLinks = "See https://a.example.org/ and https://b.example.org/";
        try
        {
            await SettingsAsync(admin, new DiscussionSettingsShape { RequirePreviousApproval = false, HoldLinkCount = 2 });
            var held = await StoredAsync(await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment(twoLinks))));
            Assert.Equal((CommentStatus.Held, "links:2"), (held.Status, held.Reason));

            await SettingsAsync(admin, new DiscussionSettingsShape { RequirePreviousApproval = false, HoldLinkCount = 3 });
            Assert.Equal(HttpStatusCode.Created, (await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment(twoLinks + " again"))).StatusCode);
        }
        finally
        {
            await SettingsAsync(admin, new DiscussionSettingsShape());
        }
    }

    [Fact]
    public async Task Behaviour26_DenyWordsMatchEveryFieldTheTextWithoutTagsAndTheRawMarkup()
    {
        var admin = await AdminAsync();
        var (id, _) = await ArticleAsync(admin);
        await SettingsAsync(admin, new DiscussionSettingsShape
        {
            RequirePreviousApproval = false,
            DenyWords = ["halfway", "/spam/", "href=http", "Spammy", "spammer.example", "spam-site.example", "10.26.0.66", "EvilBot"],
        });
        try
        {
            async Task<string?> ReasonAsync(object comment, string? ip = null, string? agent = null)
            {
                var reader = Reader(ip);
                if (agent is not null)
                {
                    reader.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", agent);
                }

                var stored = await StoredAsync(await IdOfAsync(await reader.PostJsonAsync($"/api/articles/{id}/comments", comment)));
                return stored.Status == CommentStatus.Trash ? stored.Reason : $"not trash: {stored.Status}";
            }

            Assert.Equal("deny-word:halfway", await ReasonAsync(Comment("We are <b>half</b>way there")));
            Assert.Equal("deny-word:/spam/", await ReasonAsync(Comment("<a href=\"http://example.org/spam/\">a harmless link</a>")));
            Assert.Equal("deny-word:href=http", await ReasonAsync(Comment("<a href=http://example.org/>unquoted</a>")));
            Assert.Equal("deny-word:Spammy", await ReasonAsync(Comment("Nice story", name: "SPAMMY Sam")));
            Assert.Equal("deny-word:spammer.example", await ReasonAsync(Comment("Nice story", email: "sam@spammer.example")));
            Assert.Equal("deny-word:spam-site.example", await ReasonAsync(Comment("Nice story", url: "https://spam-site.example/")));
            Assert.Equal("deny-word:10.26.0.66", await ReasonAsync(Comment("Nice story"), ip: "10.26.0.66"));
            Assert.Equal("deny-word:EvilBot", await ReasonAsync(Comment("Nice story"), agent: "EvilBot/1.0"));
            Assert.Equal(HttpStatusCode.Created, (await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Half a story, on the way to <b>spam</b>less"))).StatusCode);
        }
        finally
        {
            await SettingsAsync(admin, new DiscussionSettingsShape());
        }
    }

    [Fact]
    public async Task Behaviour27_ADenyWordHitIsQuietlySavedAsTrashAfterTheFloodCheck()
    {
        var admin = await AdminAsync();
        var (id, path) = await ArticleAsync(admin);
        await SettingsAsync(admin, new DiscussionSettingsShape { DenyWords = ["casino"] });
        try
        {
            var api = await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Best casino in town"));
            Assert.Equal(HttpStatusCode.Accepted, api.StatusCode);
            var form = await SubmitAsync(Reader(), path, id, Fields("Best casino in town, by form"));
            Assert.Contains("?held=", form.Headers.Location!.OriginalString, StringComparison.Ordinal);
            foreach (var commentId in new[] { await IdOfAsync(api), HeldIdOf(form) })
            {
                var stored = await StoredAsync(commentId);
                Assert.Equal((CommentStatus.Trash, "deny-word:casino"), (stored.Status, stored.Reason));
            }

            Assert.Empty(await PublicIdsAsync(id));

            // A flood is refused before the deny list is consulted, however the comment would end.
            var reader = Reader();
            Assert.Equal(HttpStatusCode.Accepted, (await reader.PostJsonAsync($"/api/articles/{id}/comments", Comment("A clean comment"))).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await reader.PostJsonAsync($"/api/articles/{id}/comments", Comment("And a casino one"))).StatusCode);
        }
        finally
        {
            await SettingsAsync(admin, new DiscussionSettingsShape());
        }
    }

    [Fact]
    public async Task Behaviour28_SpamAndTrashRoundTripToApprovedAndEveryReadFollowsAtOnce()
    {
        var admin = await AdminAsync();
        var (id, _) = await ArticleAsync(admin);
        var commentId = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Round trip")));
        foreach (var (action, status, visible) in new[]
        {
            ("approve", "approved", true), ("spam", "spam", false), ("approve", "approved", true),
            ("trash", "trash", false), ("approve", "approved", true), ("hold", "held", false),
        })
        {
            var response = await admin.PostAsync($"/api/newsroom/comments/{commentId}/{action}", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(status, (await response.JsonAsync()).GetProperty("status").GetString());
            Assert.Equal(visible, (await PublicIdsAsync(id)).Contains(commentId));
            Assert.Equal(visible ? 1 : 0, await CommentCountAsync(id));
        }
    }

    [Fact]
    public async Task Behaviour35_AReplyToAHeldOrForeignParentIsRefusedBesideTheField()
    {
        var admin = await AdminAsync();
        var (id, path) = await ArticleAsync(admin);
        var (other, _) = await ArticleAsync(admin);
        var held = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Still held")));
        var foreign = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{other}/comments", Comment("On another article")));
        await admin.PostAsync($"/api/newsroom/comments/{foreign}/approve", null);

        foreach (var parentId in new[] { held, foreign, 987654 })
        {
            var api = await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("My reply", parentId: parentId));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, api.StatusCode);
            Assert.Equal(["parentId"], (await api.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name));

            var fields = Fields("My reply, typed with care");
            fields["parentId"] = parentId.ToString(CultureInfo.InvariantCulture);
            var form = await SubmitAsync(Reader(), path, id, fields);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, form.StatusCode);
            var page = await form.HtmlAsync();
            Assert.Equal("The comment you are replying to is not on this article, or is not published.", page.QuerySelector("#parent-error")?.TextContent);
            Assert.Equal("My reply, typed with care", page.QuerySelector("textarea[name='body']")!.TextContent);
        }
    }

    [Fact]
    public async Task Behaviour38_ARemovedCommentStaysForItsRepliesAndGoesWithTheLastOne()
    {
        var admin = await AdminAsync();
        var (id, _) = await ArticleAsync(admin);
        var parent = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Parent")));
        await admin.PostAsync($"/api/newsroom/comments/{parent}/approve", null);
        var reply = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Reply", parentId: parent)));
        await admin.PostAsync($"/api/newsroom/comments/{reply}/approve", null);

        await admin.PostAsync($"/api/newsroom/comments/{parent}/trash", null);
        var thread = await (await app.CreateReaderClient().GetAsync($"/api/articles/{id}/comments")).JsonAsync();
        Assert.True(thread.EnumerateArray().Single().GetProperty("removed").GetBoolean());
        Assert.Equal([parent, reply], await PublicIdsAsync(id));
        Assert.Equal(1, await CommentCountAsync(id));

        await admin.PostAsync($"/api/newsroom/comments/{reply}/trash", null);
        Assert.Empty(await PublicIdsAsync(id));
        Assert.Equal(0, await CommentCountAsync(id));
    }

    [Fact]
    public async Task Behaviour37_DeletingAnArticleDeletesItsWholeThread()
    {
        var admin = await AdminAsync();
        var (id, _) = await ArticleAsync(admin);
        var parent = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Parent")));
        await admin.PostAsync($"/api/newsroom/comments/{parent}/approve", null);
        var reply = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Reply", parentId: parent)));
        await admin.PostAsync($"/api/newsroom/comments/{reply}/approve", null);
        await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Reply to the reply", parentId: reply)));

        var deleted = await admin.DeleteAsync($"/api/newsroom/articles/{id}");
        Assert.True(deleted.StatusCode == HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Comments.AnyAsync(c => c.ArticleId == id));
    }

    [Fact]
    public async Task Behaviour43_TheCommentCountCountsApprovedCommentsOnly()
    {
        var admin = await AdminAsync();
        var (id, _) = await ArticleAsync(admin);
        var first = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("One")));
        var second = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Two")));
        Assert.Equal(0, await CommentCountAsync(id));
        await admin.PostAsync($"/api/newsroom/comments/{first}/approve", null);
        await admin.PostAsync($"/api/newsroom/comments/{second}/approve", null);
        Assert.Equal(2, await CommentCountAsync(id));
        await admin.PostAsync($"/api/newsroom/comments/{first}/trash", null);
        await admin.PostAsync($"/api/newsroom/comments/{second}/spam", null);
        Assert.Equal(0, await CommentCountAsync(id));
    }

    [Fact]
    public async Task Behaviour44_TheThreadOfAnUnknownArticleIsNotFoundAndAnEmptyThreadIsAnEmptyList()
    {
        var (id, _) = await ArticleAsync(await AdminAsync());
        var reader = app.CreateReaderClient();
        var empty = await reader.GetAsync($"/api/articles/{id}/comments");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("[]", await empty.Content.ReadAsStringAsync());
        var unknown = await reader.GetAsync("/api/articles/987654/comments");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Behaviour45_FormsAndPlainTextPostedToTheJsonApiAreRefused()
    {
        var (id, _) = await ArticleAsync(await AdminAsync());
        using var multipart = new MultipartFormDataContent { { new StringContent("Cross-site multipart"), "body" }, { new StringContent("Mallory"), "name" }, { new StringContent("m@example.org"), "email" } };
        var attempts = new HttpContent[]
        {
            new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = "Cross-site form", ["name"] = "Mallory", ["email"] = "m@example.org" }),
            new StringContent("""{"body": "Cross-site text", "name": "Mallory", "email": "m@example.org"}""", Encoding.UTF8, "text/plain"),
            multipart,
        };
        foreach (var content in attempts)
        {
            var response = await Reader().PostAsync($"/api/articles/{id}/comments", content);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }

        using var scope = app.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Comments.AnyAsync(c => c.ArticleId == id));
    }

    [Fact]
    public async Task Behaviour46_CommenterCookiesAreHttpOnlyLaxAndSecureOverHttps()
    {
        var (id, path) = await ArticleAsync(await AdminAsync());
        foreach (var (baseAddress, secure) in new[] { ("https://localhost/", true), ("http://localhost/", false) })
        {
            var fields = Fields($"Remember me over {baseAddress}");
            fields["remember"] = "yes";
            var response = await SubmitAsync(Reader(baseAddress: baseAddress), path, id, fields);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            var cookies = response.Headers.GetValues("Set-Cookie").ToList();
            foreach (var name in new[] { CommenterCookies.CommenterName, CommenterCookies.RememberName })
            {
                var cookie = cookies.Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).ToLowerInvariant();
                Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
                Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
                Assert.Equal(secure, cookie.Contains("; secure", StringComparison.Ordinal));
            }
        }
    }

    private static string InReplyTo(string mail) =>
        mail.Split('\n').Select(l => l.Trim()).SingleOrDefault(l => l.StartsWith("In reply to: ", StringComparison.Ordinal)) ?? $"no 'In reply to' line in: {mail}";

    [Fact]
    public async Task Behaviour47_TheAuthorHearsOfApprovedCommentsOnlyAndMailAboutAReplyLinksToItsParent()
    {
        var writerName = $"Writer {Guid.NewGuid():N}"[..20];
        var writer = $"writer-{Guid.NewGuid():N}@example.org";
        var moderator = $"moderator-{Guid.NewGuid():N}@example.org";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<NewsroomUsers>();
            Assert.True((await users.AddAsync(writer, writerName, Roles.Author, "a long enough password", default)).IsEmpty);
            Assert.True((await users.AddAsync(moderator, "Mo Derator", Roles.Moderator, "a long enough password", default)).IsEmpty);
        }

        var admin = await AdminAsync();
        var (id, path) = await ArticleAsync(admin, authors: [writerName]);
        await SettingsAsync(admin, new DiscussionSettingsShape { RequirePreviousApproval = false, HoldWords = ["hold-me"], DenyWords = ["trash-me"], MinimumSecondsToSubmit = 0 });
        try
        {
            var top = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Top-level, approved")));
            await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Held: hold-me")));
            await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Trashed: trash-me")));
            var spam = Fields("Spam from a robot");
            spam["homepage"] = "http://robot.example";
            Assert.Equal(HttpStatusCode.SeeOther, (await SubmitAsync(Reader(), path, id, spam)).StatusCode);
            var reply = await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Approved reply", parentId: top)));
            await IdOfAsync(await Reader().PostJsonAsync($"/api/articles/{id}/comments", Comment("Held reply: hold-me", parentId: top)));

            List<OutgoingMail> mail;
            using (var scope = app.Services.CreateScope())
            {
                mail = await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Set<OutgoingMail>().AsNoTracking()
                    .Where(m => m.To == writer || m.To == moderator).ToListAsync();
            }

            var toWriter = mail.Where(m => m.To == writer).Select(m => m.TextBody).ToList();
            Assert.Equal(2, toWriter.Count);
            Assert.Contains(toWriter, b => b.Contains("Top-level, approved", StringComparison.Ordinal) && !b.Contains("In reply to", StringComparison.Ordinal));
            var replyMail = toWriter.Single(b => b.Contains("Approved reply", StringComparison.Ordinal));
            Assert.Contains($"{path}#comment-{reply}", replyMail, StringComparison.Ordinal);
            Assert.EndsWith($"{path}#comment-{top}", InReplyTo(replyMail), StringComparison.Ordinal);

            var toModerator = mail.Where(m => m.To == moderator).Select(m => m.TextBody).ToList();
            Assert.Equal(2, toModerator.Count);
            Assert.DoesNotContain(mail, m => m.TextBody.Contains("trash-me", StringComparison.Ordinal) || m.TextBody.Contains("robot", StringComparison.Ordinal));
            var heldReplyMail = toModerator.Single(b => b.Contains("Held reply", StringComparison.Ordinal));
            Assert.EndsWith($"{path}#comment-{top}", InReplyTo(heldReplyMail), StringComparison.Ordinal);
        }
        finally
        {
            await SettingsAsync(admin, new DiscussionSettingsShape());
        }
    }
}

public sealed class CommentBehaviourOnSqlite(SqliteApp app) : CommentBehaviourTests(app), IClassFixture<SqliteApp>;

public sealed class CommentBehaviourOnPostgres(PostgresApp app) : CommentBehaviourTests(app), IClassFixture<PostgresApp>;
