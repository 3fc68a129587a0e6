using System.Net;
using Dateline.Features.Accounts;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>
/// One table of what every role gets on every newsroom page and API endpoint: a page a role may
/// not open sends it to /newsroom/denied (403), a stranger to the login page; the API answers
/// 401 without a key and 403 for a key whose role lacks the capability.
/// </summary>
public abstract class RoleAccessTests(DatelineApp app)
{
    private const string Ok = "ok";
    private const string Denied = "denied";
    private const string Login = "login";

    // Roles in the order of each row: contributor, author, editor, moderator, admin.
    private static readonly string[] RoleOrder = [Roles.Contributor, Roles.Author, Roles.Editor, Roles.Moderator, Roles.Admin];

    public static TheoryData<string, string> Pages => new()
    {
        { "/newsroom/", "ok ok ok ok ok" },
        { "/newsroom/account/two-factor", "ok ok ok ok ok" },
        { "/newsroom/articles/", "ok ok ok denied ok" },
        { "/newsroom/articles/new", "ok ok ok denied ok" },
        { "/newsroom/articles/paste", "ok ok ok denied ok" },
        { "/newsroom/media/", "ok ok ok denied ok" },
        { "/newsroom/comments/", "denied denied ok ok ok" },
        { "/newsroom/settings/", "denied denied denied denied ok" },
        { "/newsroom/settings/discussion", "denied denied denied denied ok" },
        { "/newsroom/users/", "denied denied denied denied ok" },
        { "/newsroom/keys/", "denied denied denied denied ok" },
    };

    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "GET", "/api/newsroom/media", "200 200 200 403 200" },
        { "GET", "/api/newsroom/comments?status=held", "403 403 200 200 200" },
        { "GET", "/api/newsroom/settings/discussion", "403 403 403 403 200" },
        { "POST", "/api/newsroom/privacy/export", "403 403 403 403 422" },
        { "POST", "/api/newsroom/privacy/erase", "403 403 403 403 422" },
        { "POST", "/api/newsroom/comments/999999/approve", "403 403 404 404 404" },
        { "POST", "/api/newsroom/articles/999999/corrections", "404 404 404 403 404" },
        { "POST", "/api/newsroom/articles", "422 422 422 403 422" },
        { "GET", "/api/newsroom/articles/999999", "404 404 404 403 404" },
        { "GET", "/api/newsroom/articles/999999/revisions", "404 404 404 403 404" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EachRoleGetsWhatItsCapabilitiesAllowOnEveryPage(string path, string expected)
    {
        var stranger = await app.Browser().GetAsync(path);
        Assert.Equal(Login, Outcome(stranger));
        var wanted = expected.Split(' ');
        for (var i = 0; i < RoleOrder.Length; i++)
        {
            var (browser, _) = await app.SignedInAsync(RoleOrder[i]);
            Assert.True(wanted[i] == Outcome(await browser.GetAsync(path)), $"{RoleOrder[i]} on {path}: expected {wanted[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EachRoleGetsWhatItsCapabilitiesAllowOnEveryEndpoint(string method, string path, string expected)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(app.CreateReaderClient(), method, path)).StatusCode);
        var wanted = expected.Split(' ');
        for (var i = 0; i < RoleOrder.Length; i++)
        {
            var client = app.CreateClient(await app.CreateApiKeyAsync(RoleOrder[i]));
            var status = (int)(await SendAsync(client, method, path)).StatusCode;
            Assert.True(wanted[i] == status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{RoleOrder[i]} {method} {path}: expected {wanted[i]}, got {status}");
        }
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        method == "GET" ? client.GetAsync(path) : client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

    private static string Outcome(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return Ok;
        }

        var location = response.Headers.Location?.OriginalString ?? "";
        var path = Uri.TryCreate(location, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : location.Split('?')[0];
        return response.StatusCode == HttpStatusCode.Redirect && path == "/newsroom/denied" ? Denied
            : response.StatusCode == HttpStatusCode.Redirect && path == NewsroomAuthentication.LoginPath ? Login
            : $"{(int)response.StatusCode} {location}";
    }
}

public sealed class RoleAccessOnSqlite(SqliteApp app) : RoleAccessTests(app), IClassFixture<SqliteApp>;

public sealed class RoleAccessOnPostgres(PostgresApp app) : RoleAccessTests(app), IClassFixture<PostgresApp>;
