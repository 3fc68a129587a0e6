using System.Net;
using Dateline.Features.Accounts;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>Settings, Users and API keys are for admins alone, and their forms need their antiforgery token.</summary>
public abstract class AdminPagesTests(DatelineApp app)
{
    private static readonly string[] Pages =
        ["/newsroom/settings/", "/newsroom/settings/discussion", "/newsroom/users/", "/newsroom/users/new", "/newsroom/keys/"];

    private async Task<string[]> PagesWithAUserAsync()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var list = await (await admin.GetAsync("/newsroom/users/")).HtmlAsync();
        return [.. Pages, list.QuerySelector("tbody a")!.GetAttribute("href")!];
    }

    [Fact]
    public async Task AdminsOpenEveryPage()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        foreach (var page in await PagesWithAUserAsync())
        {
            var response = await admin.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
            Assert.Contains("aria-current=\"page\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Author)]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.Moderator)]
    public async Task OtherRolesAreTurnedAwayFromEveryPageAndForm(string role)
    {
        var (browser, _) = await app.SignedInAsync(role);
        foreach (var page in await PagesWithAUserAsync())
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var denied = response.Headers.Location!.PathAndQuery();
            Assert.StartsWith("/newsroom/denied", denied, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(denied)).StatusCode);

            // A form posted with a token from a page the role may open is still refused.
            var token = (await (await browser.GetAsync("/newsroom/")).HtmlAsync()).QuerySelector("form.logout-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
            var posted = await browser.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["siteTitle"] = "Taken Over" }));
            Assert.StartsWith("/newsroom/denied", posted.Headers.Location?.PathAndQuery(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Taken Over", await app.CreateReaderClient().GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrangersAreSentToSignIn()
    {
        foreach (var page in await PagesWithAUserAsync())
        {
            var response = await app.Browser().GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/newsroom/login?ReturnUrl=", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FormsPostedWithoutTheirAntiforgeryTokenAreRefused()
    {
        var (admin, _) = await app.SignedInAsync(Roles.Admin);
        var user = (await PagesWithAUserAsync())[^1];
        (string Path, Dictionary<string, string> Fields)[] forms =
        [
            ("/newsroom/settings/", new() { ["siteTitle"] = "Forged Title", ["timeZone"] = "UTC", ["language"] = "en" }),
            ("/newsroom/settings/discussion", new() { ["threadDepth"] = "2", ["pageSize"] = "10" }),
            ("/newsroom/users/new", new() { ["name"] = "Forged", ["email"] = "forged@example.org", ["role"] = "admin", ["passwordChoice"] = "set", ["password"] = "a forged password" }),
            ("/newsroom/keys/", new() { ["name"] = "Forged", ["role"] = "admin" }),
            (user + "?handler=Role", new() { ["role"] = "contributor" }),
            (user + "?handler=Remove", new() { ["confirm"] = "true" }),
            ("/newsroom/keys/?handler=Revoke&id=1", []),
        ];
        foreach (var (path, fields) in forms)
        {
            var response = await admin.PostAsync(path, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}");
        }

        Assert.DoesNotContain("Forged Title", await app.CreateReaderClient().GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(user)).StatusCode);
    }
}

public sealed class AdminPagesOnSqlite(SqliteApp app) : AdminPagesTests(app), IClassFixture<SqliteApp>;

public sealed class AdminPagesOnPostgres(PostgresApp app) : AdminPagesTests(app), IClassFixture<PostgresApp>;
