using System.Net;
using System.Text.Json;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Media;

public abstract class MediaInArticlesTests(DatelineApp app)
{
    private async Task<HttpClient> EditorAsync() => app.CreateClient(await app.CreateApiKeyAsync("editor"));

    private static object Story(string headline, object image, string status = "published") => new
    {
        headline,
        bodyMarkdown = "The story.",
        authors = new[] { "Ana Reyes" },
        image,
        status,
    };

    private static string[] ErrorFields(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    [Fact]
    public async Task TheArticlePageShowsAMediaImageWithSrcsetWidthAndHeight()
    {
        var editor = await EditorAsync();
        var item = await editor.UploadImageAsync(TestImages.Jpeg(2000, 1000), "harbour.jpg");
        var id = item.GetProperty("id").GetInt32();
        await editor.PatchJsonAsync($"/api/newsroom/media/{id}", new { alt = "Boats in the harbour at dawn", caption = "The harbour on Monday.", credit = "Jo Lee/Gazette" });

        var article = await editor.CreateArticleAsync(Story("Harbour Reopens", new { mediaId = id }));
        var image = article.GetProperty("image");
        Assert.Equal(id, image.GetProperty("mediaId").GetInt32());
        Assert.Equal(item.GetProperty("url").GetString(), image.GetProperty("url").GetString());
        Assert.Equal((2000, 1000), (image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()));
        Assert.Equal("Jo Lee/Gazette", image.GetProperty("credit").GetString());

        var reader = app.CreateReaderClient();
        var page = await (await reader.GetAsync(Http.PathOf(article))).HtmlAsync();
        var img = page.QuerySelector("figure.lead-image img")!;
        Assert.Equal("Boats in the harbour at dawn", img.GetAttribute("alt"));
        Assert.Equal(("2000", "1000"), (img.GetAttribute("width"), img.GetAttribute("height")));
        var srcset = img.GetAttribute("srcset")!.Split(", ");
        Assert.Equal(["480w", "960w", "1600w", "2000w"], srcset.Select(s => s.Split(' ')[1]));
        Assert.All(srcset, s => Assert.StartsWith("/media/", s, StringComparison.Ordinal));
        Assert.Contains("40rem", img.GetAttribute("sizes"), StringComparison.Ordinal);
        Assert.EndsWith("-960.jpg", img.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("The harbour on Monday.", page.QuerySelector("figure.lead-image .caption")!.TextContent);
        Assert.Equal("Jo Lee/Gazette", page.QuerySelector("figure.lead-image .credit")!.TextContent);
        Assert.EndsWith(item.GetProperty("url").GetString()!, page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(img.GetAttribute("src")!)).StatusCode);

        var home = await (await reader.GetAsync("/")).HtmlAsync();
        var thumbnail = home.QuerySelector($".summary-image[href='{Http.PathOf(article)}'] img")!;
        Assert.Contains("480w", thumbnail.GetAttribute("srcset"), StringComparison.Ordinal);
        Assert.Equal("2000", thumbnail.GetAttribute("width"));
        Assert.EndsWith("-480.jpg", thumbnail.GetAttribute("src"), StringComparison.Ordinal);

        // The article's own words win over the library's; its caption still comes from there.
        var patched = await editor.PatchJsonAsync($"/api/newsroom/articles/{article.GetProperty("id").GetInt32()}",
            new { image = new { mediaId = id, alt = "The harbour, seen from the lighthouse", credit = "Staff" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        page = await (await reader.GetAsync(Http.PathOf(article))).HtmlAsync();
        Assert.Equal("The harbour, seen from the lighthouse", page.QuerySelector("figure.lead-image img")!.GetAttribute("alt"));
        Assert.Equal("Staff", page.QuerySelector("figure.lead-image .credit")!.TextContent);
        Assert.Equal("The harbour on Monday.", page.QuerySelector("figure.lead-image .caption")!.TextContent);
    }

    [Fact]
    public async Task AnArticleCannotBePublishedWhileItsImageHasNoAltText()
    {
        var editor = await EditorAsync();
        var id = (await editor.UploadImageAsync(TestImages.Jpeg(800, 600))).GetProperty("id").GetInt32();

        var refused = await editor.PostJsonAsync("/api/newsroom/articles", Story("No Alt Yet", new { mediaId = id }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal(["image.alt"], ErrorFields(problem));
        Assert.Contains($"media item {id}", problem.GetProperty("errors").GetProperty("image.alt")[0].GetString(), StringComparison.Ordinal);
        var scheduled = await editor.PostJsonAsync("/api/newsroom/articles", new { headline = "Later", authors = new[] { "A" }, image = new { mediaId = id }, status = "scheduled", publishedAt = DateTime.UtcNow.AddDays(1) });
        Assert.Equal(["image.alt"], ErrorFields(await scheduled.JsonAsync()));

        // A draft may wait for its alt text; publishing it may not.
        var draft = await editor.CreateArticleAsync(Story("No Alt Yet", new { mediaId = id }, "draft"));
        var articleId = draft.GetProperty("id").GetInt32();
        var publish = await editor.PatchJsonAsync($"/api/newsroom/articles/{articleId}", new { status = "published" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, publish.StatusCode);

        await editor.PatchJsonAsync($"/api/newsroom/media/{id}", new { alt = "A lighthouse in fog" });
        var published = await editor.PatchJsonAsync($"/api/newsroom/articles/{articleId}", new { status = "published" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("A lighthouse in fog", (await published.JsonAsync()).GetProperty("image").GetProperty("alt").GetString());

        // The same rule holds for an image given by URL.
        var byUrl = await editor.PostJsonAsync("/api/newsroom/articles", Story("Linked Photo", new { url = "https://example.org/p.jpg" }));
        Assert.Equal(["image.alt"], ErrorFields(await byUrl.JsonAsync()));
    }

    [Fact]
    public async Task AltTextAPublishedArticleReliesOnCannotBeCleared()
    {
        var editor = await EditorAsync();
        var id = (await editor.UploadImageAsync(TestImages.Jpeg(800, 600))).GetProperty("id").GetInt32();
        await editor.PatchJsonAsync($"/api/newsroom/media/{id}", new { alt = "A crowded market" });
        var article = await editor.CreateArticleAsync(Story("Market Day", new { mediaId = id }));

        var cleared = await editor.PatchJsonAsync($"/api/newsroom/media/{id}", new { alt = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cleared.StatusCode);
        Assert.Contains("Market Day", (await cleared.JsonAsync()).GetProperty("errors").GetProperty("alt")[0].GetString(), StringComparison.Ordinal);

        // Changing it reaches the published page at once.
        Assert.Equal(HttpStatusCode.OK, (await editor.PatchJsonAsync($"/api/newsroom/media/{id}", new { alt = "A market crowded with shoppers" })).StatusCode);
        var page = await (await app.CreateReaderClient().GetAsync(Http.PathOf(article))).HtmlAsync();
        Assert.Equal("A market crowded with shoppers", page.QuerySelector("figure.lead-image img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task AnImageInUseCannotBeDeleted()
    {
        var editor = await EditorAsync();
        var item = await editor.UploadImageAsync(TestImages.Jpeg(800, 600));
        var id = item.GetProperty("id").GetInt32();
        var article = await editor.CreateArticleAsync(Story("Kept Photo", new { mediaId = id }, "draft"));

        var refused = await editor.DeleteAsync($"/api/newsroom/media/{id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Contains($"article {article.GetProperty("id").GetInt32()} (“Kept Photo”)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(app.FileOf(item.GetProperty("url").GetString()!)));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/newsroom/media/{id}")).StatusCode);

        await editor.PatchJsonAsync($"/api/newsroom/articles/{article.GetProperty("id").GetInt32()}", new { image = (object?)null });
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/newsroom/media/{id}")).StatusCode);
        Assert.False(File.Exists(app.FileOf(item.GetProperty("url").GetString()!)));
    }

    [Fact]
    public async Task AnUnknownMediaItemIsRefused()
    {
        var editor = await EditorAsync();
        var missing = await editor.PostJsonAsync("/api/newsroom/articles", Story("Ghost Photo", new { mediaId = 987654, alt = "Nothing" }, "draft"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal(["image.mediaId"], ErrorFields(await missing.JsonAsync()));
        var wrongType = await editor.PostRawAsync("/api/newsroom/articles", """{"headline": "H", "image": {"mediaId": "twelve"}}""");
        Assert.Equal(["image.mediaId"], ErrorFields(await wrongType.JsonAsync()));
    }
}
