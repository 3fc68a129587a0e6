using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>The Users pages: adding accounts (with a password or a mailed link), roles, lockouts, removal, and the last admin.</summary>
public abstract partial class UsersPageTests(DatelineApp app)
{
    private static Dictionary<string, string> NewUser(string name, string email, string role, string choice, string password = "") =>
        new() { ["name"] = name, ["email"] = email, ["role"] = role, ["passwordChoice"] = choice, ["password"] = password };

    /// <summary>The account's row on the list, found by its address.</summary>
    private static async Task<IElement?> RowAsync(HttpClient admin, string email)
    {
        var list = await (await admin.GetAsync("/newsroom/users/")).HtmlAsync();
        return list.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.QuerySelector("td[data-label='Email']")!.TextContent == email);
    }

    private static async Task<string> UserPathAsync(HttpClient admin, string email) =>
        (await RowAsync(admin, email))?.QuerySelector("a")!.GetAttribute("href") ?? throw new InvalidOperationException($"{email} is not on the list");

    private static Task<HttpResponseMessage> SignInAsync(DatelineApp app, string email, string password) =>
        app.Browser().SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = password });

    [Fact]
    public async Task AUserAddedWithAPasswordIsListedHasABylineAndCanSignIn()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var email = $"new-editor-{Guid.NewGuid():N}@example.org";
        var added = await admin.SubmitFormAsync("/newsroom/users/new", NewUser("Nadia Editor", email, Roles.Editor, "set", "a password of twelve+"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/newsroom/users/?done=added", added.Headers.Location!.OriginalString);

        var row = (await RowAsync(admin, email))!;
        Assert.Equal("Nadia Editor", row.QuerySelector("th a")!.TextContent);
        Assert.Equal(Roles.Editor, row.QuerySelector("td[data-label='Role']")!.TextContent);
        Assert.Equal("Off", row.QuerySelector("td[data-label='Two-step sign-in']")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app, email, "a password of twelve+")).StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        Assert.True(await db.Authors.AnyAsync(a => a.UserId == userId && a.Name == "Nadia Editor"));
    }

    [Fact]
    public async Task AnInvalidNewUserIsRefusedWithItsFieldsKeptButNotThePassword()
    {
        var (admin, existing) = await app.SignedInAsync(Roles.Admin);
        var refused = await admin.SubmitFormAsync("/newsroom/users/new", NewUser("", existing, Roles.Moderator, "set", "short"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = await refused.HtmlAsync();
        Assert.Equal("Required.", page.QuerySelector("#name-error")!.TextContent);
        Assert.Contains("already exists", page.QuerySelector("#email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(existing, page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#role option[value='moderator']")!.GetAttribute("selected"));
        Assert.NotNull(page.QuerySelector("#passwordChoice-set")!.GetAttribute("checked"));
        Assert.Null(page.QuerySelector("#password")!.GetAttribute("value"));
        Assert.DoesNotContain("short", page.QuerySelector("form")!.OuterHtml, StringComparison.Ordinal);

        var weak = await admin.SubmitFormAsync("/newsroom/users/new", NewUser("Weak Password", $"weak-{Guid.NewGuid():N}@example.org", Roles.Author, "set", "short"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.NotNull((await weak.HtmlAsync()).QuerySelector("#password-error"));
    }

    [Fact]
    public async Task AUserAddedWithoutAPasswordChoosesOneThroughAMailedLink()
    {
        // A database of its own: the shared app's sender, which has no SMTP host, would take the mail.
        using var database = new TestDatabase(app.Database.Provider);
        await using var mailing = new DatelineApp(database);
        var log = mailing.MailTo();
        var (admin, _) = await mailing.SignedInAsync(Roles.Admin);

        var email = $"invited-{Guid.NewGuid():N}@example.org";
        var added = await admin.SubmitFormAsync("/newsroom/users/new", NewUser("Ines Invited", email, Roles.Author, "mail"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(mailing, email, "any password at all")).StatusCode);

        var mail = await SmtpSink.WaitForAsync(log, $"To: {email}", "Choose the password for your newsroom account");
        var body = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.TrimStart()))).TextBody!;
        var link = LinkPattern().Match(body).Groups[1].Value;
        Assert.StartsWith("/newsroom/reset?email=", link, StringComparison.Ordinal);

        var chosen = await mailing.Browser().SubmitFormAsync(link, new() { ["password"] = "my very own password", ["confirmPassword"] = "my very own password" });
        Assert.Contains("Your password is changed.", await chosen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(mailing, email, "my very own password")).StatusCode);
    }

    [Fact]
    public async Task ANewRoleAppliesAtTheUsersNextSignIn()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var email = await app.AddUserAsync(Roles.Editor);
        var path = await UserPathAsync(admin, email);
        var changed = await admin.SubmitFormAsync(path, new() { ["role"] = Roles.Moderator }, "form.role-form");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(Roles.Moderator, (await RowAsync(admin, email))!.QuerySelector("td[data-label='Role']")!.TextContent);

        var browser = app.Browser();
        await browser.SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = Staff.Password });
        var nav = (await (await browser.GetAsync("/newsroom/")).HtmlAsync()).QuerySelectorAll(".newsroom-nav a").Select(a => a.TextContent).ToList();
        Assert.Contains("Comments", nav);
        Assert.DoesNotContain("Articles", nav);

        var unknown = await admin.SubmitFormAsync(path, new() { ["role"] = "superuser" }, "form.role-form");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.NotNull((await unknown.HtmlAsync()).QuerySelector("#role-error"));
    }

    [Fact]
    public async Task AnAdminUnlocksAnAccountLockedByFailedSignIns()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var email = await app.AddUserAsync(Roles.Author);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(app, email, $"wrong guess number {i}");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(app, email, Staff.Password)).StatusCode);
        Assert.NotNull((await RowAsync(admin, email))!.QuerySelector("td[data-label='Locked out until'] time"));

        var unlocked = await admin.SubmitFormAsync(await UserPathAsync(admin, email), [], "form.unlock-form");
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Null((await RowAsync(admin, email))!.QuerySelector("td[data-label='Locked out until'] time"));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(app, email, Staff.Password)).StatusCode);
    }

    [Fact]
    public async Task ARemovedUserCannotSignInAndTheirBylineStays()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var name = $"Gone Writer {Guid.NewGuid():N}"[..20];
        var email = await app.AddUserAsync(Roles.Author, name);
        var path = await UserPathAsync(admin, email);

        var unconfirmed = await admin.SubmitFormAsync(path, [], "form.remove-form");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.NotNull((await unconfirmed.HtmlAsync()).QuerySelector("#confirm-error"));

        var removed = await admin.SubmitFormAsync(path, new() { ["confirm"] = "true" }, "form.remove-form");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("/newsroom/users/?done=removed", removed.Headers.Location!.OriginalString);
        Assert.Null(await RowAsync(admin, email));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(app, email, Staff.Password)).StatusCode);

        using var scope = app.Services.CreateScope();
        var byline = await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Authors.SingleAsync(a => a.Name == name);
        Assert.Null(byline.UserId);
    }

    [Fact]
    public async Task TheLastAdminCanBeNeitherDemotedNorRemovedEvenByThemselves()
    {
        using var database = new TestDatabase(app.Database.Provider);
        await using var site = new DatelineApp(database);
        var (only, email) = await site.SignedInAsync(Roles.Admin);
        var self = await UserPathAsync(only, email);

        var demoted = await only.SubmitFormAsync(self, new() { ["role"] = Roles.Editor }, "form.role-form");
        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Contains("only admin", (await demoted.HtmlAsync()).QuerySelector("#role-error")!.TextContent, StringComparison.Ordinal);
        var removed = await only.SubmitFormAsync(self, new() { ["confirm"] = "true" }, "form.remove-form");
        Assert.Equal(HttpStatusCode.Conflict, removed.StatusCode);
        Assert.Contains("only admin", (await removed.HtmlAsync()).QuerySelector("#remove-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await only.GetAsync("/newsroom/users/")).StatusCode);

        // With a second admin, the first may step down, and is signed out of admin pages at once.
        var (second, secondEmail) = await site.SignedInAsync(Roles.Admin);
        var stepDown = await only.SubmitFormAsync(self, new() { ["role"] = Roles.Editor }, "form.role-form");
        Assert.Equal("/newsroom/", stepDown.Headers.Location!.OriginalString);
        Assert.StartsWith("/newsroom/denied", (await only.GetAsync("/newsroom/users/")).Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        // The second is now the last admin.
        var secondSelf = await UserPathAsync(second, secondEmail);
        Assert.Equal(HttpStatusCode.Conflict, (await second.SubmitFormAsync(secondSelf, new() { ["confirm"] = "true" }, "form.remove-form")).StatusCode);
        var firstRemoved = await second.SubmitFormAsync(await UserPathAsync(second, email), new() { ["confirm"] = "true" }, "form.remove-form");
        Assert.Equal(HttpStatusCode.Redirect, firstRemoved.StatusCode);
    }

    [GeneratedRegex(@"https://news\.example\.org(/newsroom/reset\?\S+)")]
    private static partial Regex LinkPattern();
}

public sealed class UsersPageOnSqlite(SqliteApp app) : UsersPageTests(app), IClassFixture<SqliteApp>;

public sealed class UsersPageOnPostgres(PostgresApp app) : UsersPageTests(app), IClassFixture<PostgresApp>;
