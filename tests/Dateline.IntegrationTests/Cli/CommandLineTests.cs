using System.Net;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Cli;

public abstract class CommandLineTests(DatelineApp app)
{
    private TestDatabase Database => app.Database;

    [Fact]
    public async Task KeysCreatePrintsAWorkingKeyOnItsLastLine()
    {
        var result = await TestSupport.Cli.RunAsync(Database, null, "keys", "create", "--name", "CMS bridge", "--role", "editor");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("dl_", result.LastLine, StringComparison.Ordinal);

        var client = app.CreateClient(result.LastLine);
        var created = await client.CreateArticleAsync(new { headline = "Made With A CLI Key", authors = new[] { "Kay" }, status = "published" });
        Assert.Equal("published", created.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UsersAddReadsThePasswordFromStandardInput()
    {
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        var result = await TestSupport.Cli.RunAsync(Database, "correct horse battery staple", "users", "add", "--email", email, "--name", "Edna Editor", "--role", "editor");
        Assert.True(result.ExitCode == 0, result.Error);

        var again = await TestSupport.Cli.RunAsync(Database, "correct horse battery staple", "users", "add", "--email", email, "--name", "Edna Editor", "--role", "editor");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);

        var weak = await TestSupport.Cli.RunAsync(Database, "short", "users", "add", "--email", $"x-{Guid.NewGuid():N}@example.org", "--name", "Weak", "--role", "author");
        Assert.Equal(1, weak.ExitCode);
        Assert.Single(weak.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("users", "add", "--email", "a@example.org")]
    [InlineData("keys", "create", "--name", "x", "--role", "wizard")]
    [InlineData("frobnicate")]
    [InlineData("import", "text", "/no/such/file.txt")]
    [InlineData("serve", "--data")]
    [InlineData("serve", "--urls", "not a url")]
    public async Task BadArgumentsGiveOneLineAndExitCodeOne(params string[] args)
    {
        var result = await TestSupport.Cli.RunAsync(Database, null, args);
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("dateline: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTimeZoneStopsTheStartWithOneLine()
    {
        var result = await TestSupport.Cli.RunAsync(Database, null, new Dictionary<string, string?> { ["Dateline__TimeZone"] = "Bogus/Zone" }, "keys", "create", "--name", "x", "--role", "editor");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("dateline: invalid configuration: Dateline:TimeZone 'Bogus/Zone' is not a known time zone (use an IANA name such as Europe/London).", result.Error.Trim());
    }

    [Fact]
    public async Task ImportTextCreatesADraftAndListsWhatItDropped()
    {
        var file = Path.Combine(Database.DataDir, "story.txt");
        await File.WriteAllTextAsync(file, """
            Storm Knocks Out Power Across the Coast

            By Dana Whitfield

            Crews worked through the night.

            Share this:

            Officials said power would return by Friday.

            Marcus Lee contributed reporting.

            Leave a Reply
            Your email address will not be published. Required fields are marked *
            """);
        var result = await TestSupport.Cli.RunAsync(Database, null, "import", "text", file);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Share this:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Leave a Reply", result.Output, StringComparison.Ordinal);
        var id = int.Parse(result.LastLine, System.Globalization.CultureInfo.InvariantCulture);

        var editor = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var article = await (await editor.GetAsync($"/api/newsroom/articles/{id}")).JsonAsync();
        Assert.Equal("Storm Knocks Out Power Across the Coast", article.GetProperty("headline").GetString());
        Assert.Equal("draft", article.GetProperty("status").GetString());
        Assert.Equal("Dana Whitfield", article.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal("Marcus Lee contributed reporting.", article.GetProperty("credits")[0].GetString());
        var body = article.GetProperty("bodyMarkdown").GetString()!;
        Assert.Equal("Crews worked through the night.\n\nOfficials said power would return by Friday.", body);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync($"/api/articles/{id}")).StatusCode);
    }

    [Fact]
    public async Task ImportTextOfAStoryCopiedFromAWebPageKeepsTheStoryAndDropsTheFurniture()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wire-story-with-page-furniture.txt");
        var result = await TestSupport.Cli.RunAsync(Database, null, "import", "text", file);
        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var furniture in new[] { "Leave a Reply Cancel reply", "Your email address will not be published. Required fields are marked *", "Share this:", "SKIP ADVERTISEMENT" })
        {
            Assert.Contains($"dropped: {furniture}", result.Output, StringComparison.Ordinal);
        }

        var id = int.Parse(result.LastLine, System.Globalization.CultureInfo.InvariantCulture);
        var editor = app.CreateClient(await app.CreateApiKeyAsync("editor"));
        var article = await (await editor.GetAsync($"/api/newsroom/articles/{id}")).JsonAsync();
        Assert.Equal("Factories in Southern China Hum Again as Export Orders Return", article.GetProperty("headline").GetString());
        Assert.Equal("Lin Xiaoming/Xinhua, via Associated Press", article.GetProperty("image").GetProperty("credit").GetString());
        Assert.Equal(["Wen Qiao contributed reporting from Guangzhou.", "Priya Raman contributed research."],
            article.GetProperty("credits").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["Mei Lan Zhou", "Daniel Harrow"], article.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var body = article.GetProperty("bodyMarkdown").GetString()!;
        Assert.StartsWith("FOSHAN, China — For most of last year", body, StringComparison.Ordinal);
        Assert.EndsWith("at least through the end of the year.", body, StringComparison.Ordinal);
        foreach (var furniture in new[] { "Advertisement", "Share", "Leave a Reply", "email address", "contributed", "Lin Xiaoming" })
        {
            Assert.DoesNotContain(furniture, body, StringComparison.Ordinal);
        }

        Assert.Equal(5, body.Split("\n\n").Length);
    }
}

public sealed class CommandLineOnSqlite(SqliteApp app) : CommandLineTests(app), IClassFixture<SqliteApp>
{
    // On SQLite the database lives in the data folder, so an unusable folder is an error of its own.
    [Fact]
    public async Task ADataFolderThatIsAFileGivesOneLine()
    {
        var result = await TestSupport.Cli.RunAsync(app.Database, null, "keys", "create", "--name", "x", "--role", "editor", "--data", "/etc/passwd");
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("dateline: ", result.Error, StringComparison.Ordinal);
    }
}

public sealed class CommandLineOnPostgres(PostgresApp app) : CommandLineTests(app), IClassFixture<PostgresApp>;
