using System.Net;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Pages;

public abstract class SetupPageTests(DatelineApp app)
{
    private async Task<string> IssueTokenAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        return (await SetupToken.IssueIfNeededAsync(db, DateTime.UtcNow, default))!;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string antiforgery, string password, string confirm) =>
        await client.PostAsync("/newsroom/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["__RequestVerificationToken"] = antiforgery,
            ["name"] = "Ada Admin",
            ["email"] = "ada@example.org",
            ["password"] = password,
            ["confirmPassword"] = confirm,
        }));

    [Fact]
    public async Task TheSetupLinkCreatesTheFirstAdminOnceAndKeepsWhatWasTyped()
    {
        var token = await IssueTokenAsync();
        var client = app.CreateReaderClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/newsroom/setup?token=wrong")).StatusCode);

        var form = await (await client.GetAsync($"/newsroom/setup?token={token}")).HtmlAsync();
        var antiforgery = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        // Without the form token the post is refused outright.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(app.CreateReaderClient(), token, "", "a long enough password", "a long enough password")).StatusCode);

        var mismatch = await PostAsync(client, token, antiforgery, "a long enough password", "a different password!");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        var again = await mismatch.HtmlAsync();
        Assert.Equal("Ada Admin", again.QuerySelector("input[name='name']")!.GetAttribute("value"));
        Assert.Equal("ada@example.org", again.QuerySelector("input[name='email']")!.GetAttribute("value"));
        Assert.Null(again.QuerySelector("input[name='password']")!.GetAttribute("value"));
        Assert.Contains("differ", again.QuerySelector("#confirm-error")!.TextContent, StringComparison.Ordinal);

        var tooShort = await PostAsync(client, token, antiforgery, "short", "short");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        Assert.NotNull((await tooShort.HtmlAsync()).QuerySelector("#password-error"));

        var done = await PostAsync(client, token, antiforgery, "a long enough password", "a long enough password");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("is ready", (await done.HtmlAsync()).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
            var ada = await users.FindByEmailAsync("ada@example.org");
            Assert.NotNull(ada);
            Assert.True(await users.IsInRoleAsync(ada!, Roles.Admin));
            Assert.True(await users.CheckPasswordAsync(ada!, "a long enough password"));
            Assert.NotEqual("a long enough password", ada!.PasswordHash);
            // The address the first admin used becomes the site URL, so that mailed links never follow a later Host header.
            var siteUrl = await scope.ServiceProvider.GetRequiredService<Dateline.Data.DatelineDbContext>().Settings
                .Where(s => s.Key == Dateline.Features.Settings.SiteSettings.UrlKey).Select(s => s.Value).SingleOrDefaultAsync();
            Assert.Equal(client.BaseAddress!.GetLeftPart(UriPartial.Authority), siteUrl);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/newsroom/setup?token={token}")).StatusCode);
        // The browser is signed in as the new admin now, so the old form's token no longer fits either.
        var repost = await PostAsync(client, token, antiforgery, "another long password", "another long password");
        Assert.True(repost.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{(int)repost.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/newsroom/")).StatusCode);
    }
}

public sealed class SetupPageOnSqlite(SqliteApp app) : SetupPageTests(app), IClassFixture<SqliteApp>;

public sealed class SetupPageOnPostgres(PostgresApp app) : SetupPageTests(app), IClassFixture<PostgresApp>;
