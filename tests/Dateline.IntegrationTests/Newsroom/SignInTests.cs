using System.Net;
using System.Text.RegularExpressions;
using Dateline.Features.Accounts;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>Signing in to the newsroom: cookies, lockout, redirects, reset by mail and two-step sign-in.</summary>
public abstract partial class SignInTests(DatelineApp app)
{
    [Fact]
    public async Task StrangersAreSentToTheLoginPageAndComeBackAfterSigningIn()
    {
        var browser = app.Browser();
        var stranger = await browser.GetAsync("/newsroom/");
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.StartsWith("/newsroom/login?ReturnUrl=%2Fnewsroom%2F", stranger.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        var email = await app.AddUserAsync(Roles.Editor);
        var signedIn = await browser.SubmitFormAsync(stranger.Headers.Location!.PathAndQuery(), new() { ["email"] = email, ["password"] = Staff.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/newsroom/", signedIn.Headers.Location!.OriginalString);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dl_newsroom=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain http here
        var dashboard = await browser.GetAsync("/newsroom/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("Dashboard", (await dashboard.HtmlAsync()).QuerySelector("h1")!.TextContent);

        var signedOut = await browser.SubmitFormAsync("/newsroom/", [], "form.logout-form");
        Assert.Equal("/newsroom/login?signedout=true", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/newsroom/")).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordKeepsTheAddressAndSaysNothingAboutWhichPartWasWrong()
    {
        var email = await app.AddUserAsync(Roles.Author);
        var wrong = await app.Browser().SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = "not the password at all" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var page = await wrong.HtmlAsync();
        Assert.Equal("The email or password is wrong.", page.QuerySelector("#login-error")!.TextContent);
        Assert.Equal(email, page.QuerySelector("input[name='email']")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input[name='password']")!.GetAttribute("value"));

        var unknown = await app.Browser().SubmitFormAsync("/newsroom/login", new() { ["email"] = "nobody@example.org", ["password"] = "whatever it is" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("The email or password is wrong.", (await unknown.HtmlAsync()).QuerySelector("#login-error")!.TextContent);
    }

    [Fact]
    public async Task FiveFailedAttemptsLockTheAccountEvenAgainstTheRightPassword()
    {
        var email = await app.AddUserAsync(Roles.Editor);
        for (var i = 0; i < 5; i++)
        {
            await app.Browser().SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = $"guess number {i} here" });
        }

        var locked = await app.Browser().SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = Staff.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("locked for 15 minutes", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormsWithoutTheirAntiforgeryTokenAreRefused()
    {
        var email = await app.AddUserAsync(Roles.Editor);
        var forged = await app.Browser().PostAsync("/newsroom/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["password"] = Staff.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("dl_newsroom=", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task AReturnAddressOffTheSiteIsIgnored(string returnUrl)
    {
        var email = await app.AddUserAsync(Roles.Editor);
        var response = await app.Browser().SubmitFormAsync($"/newsroom/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", new() { ["email"] = email, ["password"] = Staff.Password });
        Assert.Equal("/newsroom/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task RolesSeeTheirPartsOfTheDashboardAndNavigation()
    {
        var (moderator, _) = await app.SignedInAsync(Roles.Moderator);
        var page = await (await moderator.GetAsync("/newsroom/")).HtmlAsync();
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("Comments awaiting moderation", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("Drafts", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll(".newsroom-nav a"), a => a.TextContent == "Settings");

        var (contributor, _) = await app.SignedInAsync(Roles.Contributor);
        page = await (await contributor.GetAsync("/newsroom/")).HtmlAsync();
        Assert.Contains(page.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("Drafts", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll("h2"), h => h.TextContent.StartsWith("Comments awaiting", StringComparison.Ordinal));

        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        page = await (await admin.GetAsync("/newsroom/")).HtmlAsync();
        Assert.Contains(page.QuerySelectorAll(".newsroom-nav a"), a => a.TextContent == "Settings");
    }

    [Fact]
    public async Task APasswordIsResetThroughAMailedLinkThatWorksOnce()
    {
        // A database of its own: the shared app's sender, which has no SMTP host, would take the mail.
        using var database = new TestDatabase(app.Database.Provider);
        await using var mailing = new DatelineApp(database);
        var log = mailing.MailTo();
        var email = await mailing.AddUserAsync(Roles.Author);

        var asked = await mailing.Browser().SubmitFormAsync("/newsroom/forgot", new() { ["email"] = email });
        Assert.Contains("If an account uses that address", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await mailing.Browser().SubmitFormAsync("/newsroom/forgot", new() { ["email"] = "nobody-here@example.org" });
        Assert.Contains("If an account uses that address", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var mail = await SmtpSink.WaitForAsync(log, $"To: {email}", "Reset your newsroom password");
        var body = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.TrimStart()))).TextBody!;
        var link = LinkPattern().Match(body).Groups[1].Value;
        Assert.StartsWith("/newsroom/reset?email=", link, StringComparison.Ordinal);

        var browser = mailing.Browser();
        var mismatch = await browser.SubmitFormAsync(link, new() { ["password"] = "a brand new password", ["confirmPassword"] = "a different one" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        var reset = await browser.SubmitFormAsync(link, new() { ["password"] = "a brand new password", ["confirmPassword"] = "a brand new password" });
        Assert.Contains("Your password is changed.", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = await mailing.Browser().SubmitFormAsync(link, new() { ["password"] = "yet another password", ["confirmPassword"] = "yet another password" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await mailing.Browser().SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = Staff.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await mailing.Browser().SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = "a brand new password" })).StatusCode);
    }

    [Fact]
    public async Task TwoStepSignInNeedsACodeOrARecoveryCode()
    {
        var (browser, email) = await app.SignedInAsync(Roles.Editor);
        var setupResponse = await browser.GetAsync("/newsroom/account/two-factor");
        Assert.True(setupResponse.Headers.CacheControl?.NoStore, "a page with the authenticator key must not be stored");
        var setup = await setupResponse.HtmlAsync();
        var key = setup.QuerySelector(".authenticator-key")!.TextContent;
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr")!.GetAttribute("src"), StringComparison.Ordinal);
        var wrong = await browser.SubmitFormAsync("/newsroom/account/two-factor", new() { ["code"] = "000000" }, "main form");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var enabled = await (await browser.SubmitFormAsync("/newsroom/account/two-factor", new() { ["code"] = Staff.Totp(key, DateTimeOffset.UtcNow) }, "main form")).HtmlAsync();
        var recovery = enabled.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, recovery.Count);

        var next = app.Browser();
        var first = await next.SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = Staff.Password });
        Assert.StartsWith("/newsroom/login/two-factor", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync("/newsroom/")).StatusCode);
        var badCode = await next.SubmitFormAsync(first.Headers.Location!.OriginalString, new() { ["code"] = "123456" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCode.StatusCode);
        var second = await next.SubmitFormAsync(first.Headers.Location!.OriginalString, new() { ["code"] = Staff.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/newsroom/")).StatusCode);

        var lostPhone = app.Browser();
        var step = await lostPhone.SubmitFormAsync("/newsroom/login", new() { ["email"] = email, ["password"] = Staff.Password });
        var byRecovery = await lostPhone.SubmitFormAsync(step.Headers.Location!.OriginalString, new() { ["recoveryCode"] = recovery[0] }, "details form");
        Assert.Equal(HttpStatusCode.Redirect, byRecovery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lostPhone.GetAsync("/newsroom/")).StatusCode);
    }

    [GeneratedRegex(@"https://news\.example\.org(/newsroom/reset\?\S+)")]
    private static partial Regex LinkPattern();
}

internal static class UriPaths
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

public sealed class SignInOnSqlite(SqliteApp app) : SignInTests(app), IClassFixture<SqliteApp>;

public sealed class SignInOnPostgres(PostgresApp app) : SignInTests(app), IClassFixture<PostgresApp>;
