using System.Globalization;
using System.Net;
using System.Text;
using Dateline.Data;
using Dateline.Features.Comments;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Import;

public abstract class DisqusImportTests(DatelineApp app)
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static Task<TestSupport.Cli.Result> ImportAsync(TestDatabase database, string kind, string file) => TestSupport.Cli.RunAsync(database, null, "import", kind, file);

    [Fact]
    public async Task MatchesThreadsByIdentifierAndOldAddressKeepsThreadsAndASecondRunAddsNothing()
    {
        using (var setup = app.Services.CreateScope())
        {
            // Keep commenters' addresses for ten years, so that these 2024 comments keep theirs.
            var store = setup.ServiceProvider.GetRequiredService<DiscussionSettingsStore>();
            await store.SaveAsync(await store.GetAsync(CancellationToken.None) with { EraseIpAfterDays = 3650 }, CancellationToken.None);
        }

        var wxr = await ImportAsync(app.Database, "wxr", Fixture("wxr-edge-cases.xml"));
        Assert.True(wxr.ExitCode == 0, wxr.Error);
        var first = await ImportAsync(app.Database, "disqus", Fixture("disqus-sample.xml"));
        Assert.True(first.ExitCode == 0, first.Error);
        var output = first.Output.ReplaceLineEndings("\n");
        Assert.Contains("threads: 5 in the file, 2 matched, 1 with comments unmatched\n", output, StringComparison.Ordinal);
        Assert.Contains("comments: 8 added, 0 updated, 0 unchanged (6 approved, 1 spam, 1 trash)\n", output, StringComparison.Ordinal);
        Assert.Contains("not imported: 1 in deleted threads, 2 in unmatched threads\n", output, StringComparison.Ordinal);
        Assert.Contains("unmatched: thread 9003 \"A story that was taken down\" https://gazette.example/2019/01/01/gone/: 2 comments not imported\n", output, StringComparison.Ordinal);
        Assert.Contains("problem: post 7011 at line 223: skipped, its thread 9999 is not in the file\n", output, StringComparison.Ordinal);
        Assert.Contains("problem: post 7012 at line 233: its isSpam is \"maybe\", neither true nor false; skipped\n", output, StringComparison.Ordinal);
        Assert.Matches(@"problem: post 7013 at line 244: skipped, not well-formed XML at line 246: .+\n", output);
        Assert.Contains("problems: 3;", output, StringComparison.Ordinal);

        var again = await ImportAsync(app.Database, "disqus", Fixture("disqus-sample.xml"));
        Assert.Contains("comments: 0 added, 0 updated, 8 unchanged", again.Output, StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var ferry = await db.Articles.AsNoTracking().SingleAsync(a => a.OriginalId == "https://gazette.example/?p=101");
        var comments = await db.Comments.AsNoTracking().Where(c => c.ArticleId == ferry.Id && c.OriginalId!.StartsWith("disqus:")).ToDictionaryAsync(c => c.OriginalId!["disqus:".Length..]);
        Assert.Equal(["7001", "7002", "7003", "7004", "7005", "7006", "7014"], comments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(comments["7003"].Id, comments["7002"].ParentId);
        Assert.Equal(comments["7001"].Id, comments["7003"].ParentId);
        Assert.Equal(comments["7005"].Id, comments["7006"].ParentId);
        Assert.Null(comments["7001"].ParentId);
        Assert.Equal((CommentStatus.Spam, CommentStatus.Trash), (comments["7004"].Status, comments["7005"].Status));
        Assert.Equal(("Róisín Byrne", "roisin@reader.example", "198.51.100.7"), (comments["7001"].AuthorName, comments["7001"].AuthorEmail, comments["7001"].AuthorIp));
        Assert.Equal(new DateTime(2024, 3, 5, 10, 2, 11, DateTimeKind.Utc), comments["7001"].CreatedAt);
        Assert.Equal("Pat \"Skipper\" O'Neill", comments["7002"].AuthorName);
        Assert.DoesNotContain("script", comments["7003"].BodyHtml, StringComparison.OrdinalIgnoreCase);

        var boats = await db.Articles.AsNoTracking().SingleAsync(a => a.OriginalId == "https://gazette.example/?p=104");
        var legacy = await db.Comments.AsNoTracking().SingleAsync(c => c.OriginalId == "disqus:legacy-42");
        Assert.Equal((boats.Id, "Ирина", (string?)null), (legacy.ArticleId, legacy.AuthorName, legacy.AuthorEmail));

        var page = await app.CreateReaderClient().GetAsync("/2024/03/05/ferry-timetable/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("That was my commute.", html, StringComparison.Ordinal);
        Assert.Contains("Same here &amp; my neighbours.", html, StringComparison.Ordinal);
        Assert.Contains("Why was that removed?", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://ferries.example/times\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Cheap watches", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(document.cookie)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("reader.example", html.Replace("ferries.example", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileThatIsNotADisqusExportIsRefusedAndNothingIsImported()
    {
        var wxr = await ImportAsync(app.Database, "disqus", Fixture("wxr-edge-cases.xml"));
        Assert.Equal(1, wxr.ExitCode);
        Assert.Matches(@"^dateline: .*wxr-edge-cases\.xml: this is an RSS or WordPress \(WXR\) file, not a Disqus export; for a WordPress export, use ""import wxr""\. Nothing was imported\.$", wxr.Error.Trim());

        var empty = Path.Combine(app.Database.DataDir, $"empty-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(empty, "");
        var result = await ImportAsync(app.Database, "disqus", empty);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("it is not a Disqus export. Nothing was imported.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACutShortFileImportsWhatIsWholeAndReportsTheRest()
    {
        using var database = new TestDatabase(app.Database.Provider);
        Assert.Equal(0, (await ImportAsync(database, "wxr", Fixture("wxr-edge-cases.xml"))).ExitCode);
        var text = await File.ReadAllTextAsync(Fixture("disqus-sample.xml"));
        var file = Path.Combine(database.DataDir, "cut.xml");
        await File.WriteAllTextAsync(file, text[..text.IndexOf("<isDeleted>false</isDeleted>", text.IndexOf("<post dsq:id=\"7003\">", StringComparison.Ordinal), StringComparison.Ordinal)]);
        var result = await ImportAsync(database, "disqus", file);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("problem: post 7003 at line 114: the file ends inside it, so it was cut short; skipped", result.Output, StringComparison.Ordinal);
        Assert.Contains("comments: 2 added", result.Output, StringComparison.Ordinal);
        Assert.Contains("problem: post 7002 at line 98: it replies to post 7003, which was not imported; it is kept as a comment of its own", result.Output, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("disqus.xml", "comments: 5 added, 0 updated, 0 unchanged (4 approved, 1 spam)", "not imported: 0 in deleted threads", 2)]
    [InlineData("disqus-deleted-thread.xml", "comments: 2 added, 0 updated, 0 unchanged (2 approved)", "not imported: 3 in deleted threads", 0)]
    [InlineData("disqus-deleted-post.xml", "comments: 5 added, 0 updated, 0 unchanged (3 approved, 1 spam, 1 trash)", "not imported: 0 in deleted threads", 1)]
    public async Task ImportsRemark42sDisqusFixturesSkippingTheMalformedPost(string name, string comments, string notImported, int approvedOnPodcast)
    {
        var path = Corpus.Find($"disqus/remark42/{name}");
        Skip.If(path is null, $"SKIPPED: ../shared/corpus/disqus/remark42/{name} is not beside this clone.");
        using var database = new TestDatabase(app.Database.Provider);
        await ImportWordPressAsync(database, [(1, "podcast-229", "https://radio-t.com/p/2011/03/05/podcast-229/"), (2, "radio-t-229", "http://radio-t.umputun.com/2011/03/229_8880.html")]);

        var result = await ImportAsync(database, "disqus", path!);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(comments, result.Output, StringComparison.Ordinal);
        Assert.Contains(notImported, result.Output, StringComparison.Ordinal);
        // The one post that is not well-formed XML (an unquoted attribute) is named and skipped.
        Assert.Matches(@"problem: post x299986073 at line 135: skipped, not well-formed XML at line 147: ", result.Output);
        Assert.Contains("problems: 1;", result.Output, StringComparison.Ordinal);

        using var other = new DatelineApp(database);
        using var scope = other.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var podcast = await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "podcast-229");
        Assert.Equal(approvedOnPodcast, await db.Comments.CountAsync(c => c.ArticleId == podcast.Id && c.Status == CommentStatus.Approved));
        if (name == "disqus.xml")
        {
            var first = await db.Comments.AsNoTracking().SingleAsync(c => c.OriginalId == "disqus:299619020");
                        // Its IP address (178.178.178.178) is older than the site keeps addresses, so it is not brought in.
            Assert.Equal(("Alexander Blah", null, null, new DateTime(2011, 8, 31, 15, 16, 29, DateTimeKind.Utc)), (first.AuthorName, first.AuthorEmail, first.AuthorIp, first.CreatedAt));
            Assert.StartsWith("<p>The quick brown fox", first.Body, StringComparison.Ordinal);
            Assert.Null(first.ParentId);
            // A post without dsq:id is known by its own <id>.
            Assert.True(await db.Comments.AnyAsync(c => c.OriginalId == "disqus:12345678890" && c.AuthorName == "Blah Noname"));
        }
    }

    [SkippableFact]
    public async Task ImportsIssosDisqusFixtureKeepingTheDeletedPostAsAPlaceholder()
    {
        var path = Corpus.Find("disqus/isso/disqus.xml");
        Skip.If(path is null, "SKIPPED: ../shared/corpus/disqus/isso/disqus.xml is not beside this clone.");
        using var database = new TestDatabase(app.Database.Provider);
        // Thread 2 is named "some-id", an article's slug; thread 7 has no name and is found by its link.
        await ImportWordPressAsync(database, [(1, "some-id", "http://example.org/2012/12/12/some-id/"), (2, "redacted", "http://localhost:4000/blog/2013/02/12/redacted/index.html")]);

        var result = await ImportAsync(database, "disqus", path!);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("comments: 5 added, 0 updated, 0 unchanged (4 approved, 1 trash)", result.Output, StringComparison.Ordinal);
        Assert.Contains("problem: post 6 at line 66: skipped, its thread 1337 is not in the file", result.Output, StringComparison.Ordinal);
        Assert.Contains("threads: 3 in the file, 2 matched, 0 with comments unmatched", result.Output, StringComparison.Ordinal);

        using var other = new DatelineApp(database);
        using var scope = other.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var comments = await db.Comments.AsNoTracking().ToDictionaryAsync(c => c.OriginalId!);
        Assert.Equal(("peter", "foo@bar.com", null), (comments["disqus:4"].AuthorName, comments["disqus:4"].AuthorEmail, comments["disqus:4"].AuthorIp));
        Assert.Equal(comments["disqus:4"].Id, comments["disqus:5"].ParentId);
        Assert.Equal((CommentStatus.Trash, ""), (comments["disqus:9"].Status, comments["disqus:9"].Body));
        Assert.Equal(comments["disqus:9"].Id, comments["disqus:11"].ParentId);
        var redacted = await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "redacted");
        Assert.Equal(redacted.Id, comments["disqus:8"].ArticleId);
    }

    // A minimal WordPress export of published posts, so that a Disqus file has articles to find.
    private static async Task ImportWordPressAsync(TestDatabase database, (int Id, string Slug, string Link)[] posts)
    {
        var xml = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>Test</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example</wp:base_site_url>
            """);
        foreach (var (id, slug, link) in posts)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item><title>Post {id}</title><link>{link}</link><dc:creator>editor</dc:creator>
                <content:encoded><![CDATA[Body of post {id}.]]></content:encoded>
                <wp:post_id>{id}</wp:post_id><wp:post_date_gmt>2011-03-0{id} 10:00:00</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name>
                <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
                """);
        }

        var file = Path.Combine(database.DataDir, "posts.xml");
        await File.WriteAllTextAsync(file, xml.Append("</channel></rss>").ToString());
        var result = await ImportAsync(database, "wxr", file);
        Assert.True(result.ExitCode == 0 && result.Output.Contains("problems: 0", StringComparison.Ordinal), result.Output + result.Error);
    }
}

public sealed class DisqusImportOnSqlite(SqliteApp app) : DisqusImportTests(app), IClassFixture<SqliteApp>;

public sealed class DisqusImportOnPostgres(PostgresApp app) : DisqusImportTests(app), IClassFixture<PostgresApp>;
