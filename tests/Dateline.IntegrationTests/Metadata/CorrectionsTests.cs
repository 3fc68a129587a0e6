using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Articles;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dateline.IntegrationTests.Metadata.MetadataSite;

namespace Dateline.IntegrationTests.Metadata;

/// <summary>
/// The site-wide corrections page and feed. Tests of one class run one after another, so the
/// notes a test adds are the newest when it reads them.
/// </summary>
public abstract class CorrectionsTests(DatelineApp app)
{
    private const string Hostile = "<script>alert(1)</script> & \"quotes\"";

    private async Task<HttpClient> EditorAsync() => app.CreateClient(await app.CreateApiKeyAsync(Roles.Editor));

    private static async Task<(int Id, string Path)> PublishAsync(HttpClient editor, string headline, string status = "published", DateTime? publishedAt = null)
    {
        var article = await editor.CreateArticleAsync(new { headline, authors = new[] { "Cora Rect" }, bodyMarkdown = "Body.", status, publishedAt });
        // A draft has no address yet.
        return (article.GetProperty("id").GetInt32(), article.GetProperty("url").ValueKind == System.Text.Json.JsonValueKind.String ? Http.PathOf(article) : "");
    }

    private async Task<(int NoteId, DateTimeOffset At)> NoteAsync(HttpClient editor, int articleId, string text, string kind)
    {
        var response = await editor.PostJsonAsync($"/api/newsroom/articles/{articleId}/corrections", new { text, kind });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var notes = (await response.JsonAsync()).GetProperty("corrections");
        return ((await NoteIdsAsync(app, articleId))[^1], At(notes[notes.GetArrayLength() - 1].GetProperty("at")));
    }

    private static IReadOnlyList<IElement> Entries(IDocument page) => [.. page.QuerySelectorAll("main .correction-list > li")];

    [Fact]
    public async Task ThePageListsEveryNoteNewestFirstWithItsKindDateTextAndArticle()
    {
        var editor = await EditorAsync();
        var (first, firstPath) = await PublishAsync(editor, "Council Passes Budget");
        var (second, secondPath) = await PublishAsync(editor, "Ferry Timetable Changes");
        var (correction, correctedAt) = await NoteAsync(editor, first, "An earlier version misstated the total.", "correction");
        var (update, updatedAt) = await NoteAsync(editor, second, "Adds the winter timetable.", "update");
        // Notes on articles readers cannot see are not listed.
        var (draft, _) = await PublishAsync(editor, "Draft With A Note", status: "draft");
        await NoteAsync(editor, draft, "Not for readers yet.", "correction");
        var (future, _) = await PublishAsync(editor, "Scheduled With A Note", status: "scheduled", publishedAt: DateTime.UtcNow.AddDays(2));
        await NoteAsync(editor, future, "Not for readers yet either.", "correction");

        var response = await app.CreateReaderClient().GetAsync("/corrections/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Equal("Corrections and updates", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal("Corrections and updates – Dateline", page.Title);
        var entries = Entries(page);
        Assert.DoesNotContain(entries, e => e.TextContent.Contains("Not for readers", StringComparison.Ordinal));

        var newest = entries[0];
        Assert.Equal("note-update", newest.ClassName);
        Assert.Equal($"note-{update}", newest.Id);
        Assert.Equal("Update", newest.QuerySelector(".note-kind")!.TextContent);
        var time = newest.QuerySelector("time")!;
        Assert.Equal(updatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), time.GetAttribute("datetime"));
        Assert.Equal(Display(updatedAt), time.TextContent);
        var link = newest.QuerySelector(".note-article a")!;
        Assert.Equal("Ferry Timetable Changes", link.TextContent);
        Assert.Equal($"{secondPath}#note-{update}", link.GetAttribute("href"));
        Assert.Equal("Adds the winter timetable.", newest.QuerySelector(".note-text")!.TextContent);

        var older = entries[1];
        Assert.Equal("note-correction", older.ClassName);
        Assert.Equal("Correction", older.QuerySelector(".note-kind")!.TextContent);
        Assert.Equal(Display(correctedAt), older.QuerySelector("time")!.TextContent);
        Assert.Equal("Council Passes Budget", older.QuerySelector(".note-article a")!.TextContent);
        Assert.Equal($"{firstPath}#note-{correction}", older.QuerySelector(".note-article a")!.GetAttribute("href"));
        Assert.Equal("An earlier version misstated the total.", older.QuerySelector(".note-text")!.TextContent);

        // The link lands on the note itself on the article page.
        var article = await (await app.CreateReaderClient().GetAsync(firstPath)).HtmlAsync();
        Assert.Contains("An earlier version misstated the total.", article.GetElementById($"note-{correction}")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(BaseUrl + "/corrections/", page.Head!.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        var feeds = page.Head.QuerySelectorAll("link[rel='alternate'][type='application/rss+xml']").Select(l => l.GetAttribute("href"));
        Assert.Equal([BaseUrl + "/feed/", BaseUrl + "/corrections/feed/"], feeds);
        Assert.Equal("website", Meta(page, "og:type"));
        Assert.Equal([(1, "Home", BaseUrl + "/"), (2, "Corrections and updates", BaseUrl + "/corrections/")], Trail(JsonLd(page, "BreadcrumbList")));
        Assert.Equal("/corrections/", page.QuerySelector("footer a[href='/corrections/']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ThePagesHoldPageSizeNotesEachAndEndWithA404()
    {
        var editor = await EditorAsync();
        var (id, path) = await PublishAsync(editor, "Many Notes Story");
        var notes = new List<int>();
        for (var i = 1; i <= PageSize + 1; i++)
        {
            notes.Add((await NoteAsync(editor, id, $"Paged note {i}.", i % 2 == 0 ? "update" : "correction")).NoteId);
        }

        var reader = app.CreateReaderClient();
        var first = await (await reader.GetAsync("/corrections/")).HtmlAsync();
        Assert.Equal(["Paged note 4.", "Paged note 3.", "Paged note 2."], Entries(first).Select(e => e.QuerySelector(".note-text")!.TextContent));
        Assert.Equal([$"{path}#note-{notes[3]}", $"{path}#note-{notes[2]}", $"{path}#note-{notes[1]}"], Entries(first).Select(e => e.QuerySelector(".note-article a")!.GetAttribute("href")));
        Assert.Null(first.QuerySelector(".pager a[rel='prev']"));
        Assert.Equal("/corrections/?page=2", first.QuerySelector(".pager a[rel='next']")!.GetAttribute("href"));

        var second = await (await reader.GetAsync("/corrections/?page=2")).HtmlAsync();
        Assert.Equal("Paged note 1.", Entries(second)[0].QuerySelector(".note-text")!.TextContent);
        Assert.Equal("/corrections/", second.QuerySelector(".pager a[rel='prev']")!.GetAttribute("href"));
        Assert.Equal(BaseUrl + "/corrections/?page=2", second.Head!.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal("Corrections and updates, page 2 – Dateline", second.Title);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/corrections/?page=9999")).StatusCode);
        var redirect = await reader.GetAsync("/corrections");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/corrections/", redirect.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task HostileHeadlinesAndNotesComeOutAsText()
    {
        var editor = await EditorAsync();
        var (id, _) = await PublishAsync(editor, Hostile + " Headline");
        await NoteAsync(editor, id, Hostile + " note", "correction");

        var response = await app.CreateReaderClient().GetAsync("/corrections/");
        var html = await response.Content.ReadAsStringAsync();
        var page = await response.HtmlAsync();
        var entry = Entries(page)[0];
        Assert.Equal(Hostile + " Headline", entry.QuerySelector(".note-article a")!.TextContent);
        Assert.Equal(Hostile + " note", entry.QuerySelector(".note-text")!.TextContent);
        Assert.Empty(entry.QuerySelectorAll("script"));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; note", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewCorrectionEvictsTheCachedPageAndFeed()
    {
        var editor = await EditorAsync();
        var (id, _) = await PublishAsync(editor, "Cached Corrections Story");
        // Published before the page is cached, and with no note yet, so the cached page does not show it.
        var (other, _) = await PublishAsync(editor, "Later Corrected Story");
        await NoteAsync(editor, id, "The first correction.", "correction");
        var reader = app.CreateReaderClient();
        Assert.Contains("The first correction.", await reader.GetStringAsync("/corrections/"), StringComparison.Ordinal);
        Assert.Contains("The first correction.", await reader.GetStringAsync("/corrections/feed/"), StringComparison.Ordinal);

        // Written behind the application's back, it does not show: both answers come from the cache.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            db.ArticleNotes.Add(new ArticleNote { ArticleId = id, Kind = ArticleNoteKind.Update, At = DateTime.UtcNow, Text = "Slipped in unseen." });
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain("Slipped in unseen.", await reader.GetStringAsync("/corrections/"), StringComparison.Ordinal);
        Assert.DoesNotContain("Slipped in unseen.", await reader.GetStringAsync("/corrections/feed/"), StringComparison.Ordinal);

        // A note on an article the cached page did not show still evicts it: the page is a list.
        await NoteAsync(editor, other, "The second correction.", "correction");
        var page = await (await reader.GetAsync("/corrections/")).HtmlAsync();
        Assert.Equal("The second correction.", Entries(page)[0].QuerySelector(".note-text")!.TextContent);
        var feed = XDocument.Parse(await reader.GetStringAsync("/corrections/feed/"));
        Assert.Equal("The second correction.", feed.Root!.Element("channel")!.Elements("item").First().Element("description")!.Value);

        // Unpublishing the article takes its notes off the page too.
        Assert.Equal(HttpStatusCode.OK, (await editor.PatchJsonAsync($"/api/newsroom/articles/{other}", new { status = "draft" })).StatusCode);
        Assert.DoesNotContain("The second correction.", await reader.GetStringAsync("/corrections/"), StringComparison.Ordinal);
        Assert.DoesNotContain("The second correction.", await reader.GetStringAsync("/corrections/feed/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFeedIsRssWithAnItemPerNote()
    {
        var editor = await EditorAsync();
        var (id, path) = await PublishAsync(editor, "Feed & <Notes> Story");
        // Three notes of this test's own fill the feed, whatever the other tests left.
        await NoteAsync(editor, id, "An older note.", "update");
        var (correction, correctedAt) = await NoteAsync(editor, id, "Fixes a <b>name</b> & a date.", "correction");
        var (update, updatedAt) = await NoteAsync(editor, id, "Adds a reaction.", "update");

        var reader = app.CreateReaderClient();
        var response = await reader.GetAsync("/corrections/feed/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/rss+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        var channel = rss.Element("channel")!;
        Assert.Equal("Corrections and updates – Dateline", channel.Element("title")!.Value);
        Assert.Equal(BaseUrl + "/corrections/", channel.Element("link")!.Value);
        Assert.Equal("Every correction and update to an article on Dateline, newest first.", channel.Element("description")!.Value);
        Assert.Equal(Language, channel.Element("language")!.Value);
        Assert.Equal(BaseUrl + "/corrections/feed/", channel.Element(XNamespace.Get("http://www.w3.org/2005/Atom") + "link")!.Attribute("href")!.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal(PageSize, items.Count);

        var newest = items[0];
        Assert.Equal("Update: Feed & <Notes> Story", newest.Element("title")!.Value);
        Assert.Equal($"{BaseUrl}{path}#note-{update}", newest.Element("link")!.Value);
        Assert.Equal($"{BaseUrl}{path}#note-{update}", newest.Element("guid")!.Value);
        Assert.Equal("true", newest.Element("guid")!.Attribute("isPermaLink")!.Value);
        Assert.Equal(Rfc822(updatedAt), newest.Element("pubDate")!.Value);
        Assert.Equal("Update", newest.Element("category")!.Value);
        Assert.Equal("Adds a reaction.", newest.Element("description")!.Value);

        var older = items[1];
        Assert.Equal("Correction: Feed & <Notes> Story", older.Element("title")!.Value);
        Assert.Equal($"{BaseUrl}{path}#note-{correction}", older.Element("guid")!.Value);
        Assert.Equal(Rfc822(correctedAt), older.Element("pubDate")!.Value);
        Assert.Equal("Correction", older.Element("category")!.Value);
        // The description is HTML, so the note's text is encoded once more: a reader shows it as typed.
        Assert.Equal("Fixes a &lt;b&gt;name&lt;/b&gt; &amp; a date.", older.Element("description")!.Value);

        // Polled like the other feeds: validators, a 304, and HEAD.
        var etag = response.Headers.ETag!;
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/corrections/feed/");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(conditional)).StatusCode);
        var head = await reader.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/corrections/feed/"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(etag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.MovedPermanently, (await reader.GetAsync("/corrections/feed")).StatusCode);
    }

    // As the page shows a time: in the site's zone, with its offset from UTC.
    private static string Display(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, Zone);
        var offset = local.Offset == TimeSpan.Zero ? "UTC" : $"UTC{(local.Offset < TimeSpan.Zero ? "-" : "+")}{local.Offset:hh\\:mm}";
        return local.ToString("MMMM d, yyyy, h:mm tt", CultureInfo.InvariantCulture) + " " + offset;
    }

    private static string Rfc822(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, Zone);
        var offset = (local.Offset < TimeSpan.Zero ? "-" : "+") + local.Offset.ToString("hhmm", CultureInfo.InvariantCulture);
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + offset;
    }
}

public sealed class CorrectionsOnSqlite(MetadataSqliteApp app) : CorrectionsTests(app), IClassFixture<MetadataSqliteApp>;

public sealed class CorrectionsOnPostgres(MetadataPostgresApp app) : CorrectionsTests(app), IClassFixture<MetadataPostgresApp>;
