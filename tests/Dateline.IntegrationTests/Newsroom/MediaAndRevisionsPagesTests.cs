using System.Net;
using System.Net.Http.Headers;
using Dateline.Features.Accounts;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Newsroom;

/// <summary>The media library page and the revisions page, as a browser without JavaScript uses them.</summary>
public abstract class MediaAndRevisionsPagesTests(DatelineApp app)
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, byte[] bytes, string fileName)
    {
        var page = await (await browser.GetAsync("/newsroom/media/")).HtmlAsync();
        var form = page.QuerySelector("form.upload-form")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type='hidden']"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(file, "file", fileName);
        return await browser.PostAsync(form.GetAttribute("action")!, content);
    }

    [Fact]
    public async Task AnUploadedPhotoGetsItsWordsAndBecomesTheLeadImageWithASrcset()
    {
        var (editor, _) = await app.SignedInAsync(Roles.Editor);
        var uploaded = await UploadAsync(editor, TestImages.Jpeg(2000, 1200), "harbour.jpg");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var library = await (await editor.GetAsync("/newsroom/media/?q=harbour")).HtmlAsync();
        var item = library.QuerySelector(".media-item")!;
        var id = item.Id!["media-".Length..];

        var fake = await UploadAsync(editor, "<html><script>alert(1)</script></html>"u8.ToArray(), "fake.jpg");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, fake.StatusCode);
        Assert.NotNull((await fake.HtmlAsync()).QuerySelector("#media-error"));

        var saved = await editor.PostFormAsync(item.QuerySelector("form")!, "/newsroom/media/",
            new() { ["alt"] = "Boats in the harbour at dawn", ["caption"] = "The harbour this morning.", ["credit"] = "Ida Lens" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var fields = new Dictionary<string, string>
        {
            ["Form.Headline"] = $"Harbour Story {Guid.NewGuid():N}"[..28], ["Form.Body"] = "Boats came back.", ["Form.Authors"] = "Ida Lens",
            ["Form.MediaId"] = id, ["action"] = "publish",
        };
        var published = await editor.SubmitFormAsync("/newsroom/articles/new", fields, "form.editor");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var publicPath = (await (await editor.GetAsync(published.Headers.Location!.OriginalString)).HtmlAsync()).QuerySelector(".status-line a")!.GetAttribute("href")!;
        var article = await (await app.CreateReaderClient().GetAsync(publicPath)).HtmlAsync();
        var img = article.QuerySelector("figure img")!;
        Assert.Equal("Boats in the harbour at dawn", img.GetAttribute("alt"));
        Assert.Contains("480w", img.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.NotNull(img.GetAttribute("width"));
        Assert.Contains("The harbour this morning.", article.QuerySelector("figcaption")!.TextContent, StringComparison.Ordinal);

        var inUse = await editor.PostFormAsync((await (await editor.GetAsync("/newsroom/media/?q=harbour")).HtmlAsync()).QuerySelector(".media-item form.delete-form")!, "/newsroom/media/", []);
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
    }

    [Fact]
    public async Task ARevisionIsComparedWithTheArticleAndRestored()
    {
        var (editor, _) = await app.SignedInAsync(Roles.Editor);
        var fields = new Dictionary<string, string> { ["Form.Headline"] = "Revised Story", ["Form.Body"] = "The first wording.", ["Form.Authors"] = "Rae Vision", ["action"] = "draft" };
        var created = await editor.SubmitFormAsync("/newsroom/articles/new", fields, "form.editor");
        var edit = created.Headers.Location!.OriginalString.Split('?')[0];
        fields["Form.Body"] = "The second wording.";
        await editor.SubmitFormAsync(edit, fields, "form.editor");

        var list = await (await editor.GetAsync(edit + "/revisions")).HtmlAsync();
        Assert.Equal(2, list.QuerySelectorAll(".list-table tbody tr").Length);
        var compare = await (await editor.GetAsync(edit + "/revisions?diff=1")).HtmlAsync();
        Assert.Equal("second", compare.QuerySelector(".diff-body del")!.TextContent.Trim());
        Assert.Equal("first", compare.QuerySelector(".diff-body ins")!.TextContent.Trim());

        var restored = await editor.PostFormAsync(compare.QuerySelector(".revision-diff form")!, edit + "/revisions?diff=1", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var page = await (await editor.GetAsync(edit)).HtmlAsync();
        Assert.Equal("The first wording.", page.QuerySelector("#body")!.TextContent);
        Assert.Equal(3, (await (await editor.GetAsync(edit + "/revisions")).HtmlAsync()).QuerySelectorAll(".list-table tbody tr").Length);
    }
}

public sealed class MediaAndRevisionsPagesOnSqlite(SqliteApp app) : MediaAndRevisionsPagesTests(app), IClassFixture<SqliteApp>;

public sealed class MediaAndRevisionsPagesOnPostgres(PostgresApp app) : MediaAndRevisionsPagesTests(app), IClassFixture<PostgresApp>;
