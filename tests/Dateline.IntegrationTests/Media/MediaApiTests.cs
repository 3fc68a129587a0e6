using System.Net;
using System.Text;
using System.Text.Json;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Media;

public abstract class MediaApiTests(DatelineApp app)
{
    private async Task<HttpClient> ClientAsync(string role = "editor") => app.CreateClient(await app.CreateApiKeyAsync(role));

    [Fact]
    public async Task AnUploadIsStoredInResizedCopiesServedWithLongCacheLifetimes()
    {
        var client = await ClientAsync();
        var response = await client.UploadAsync(TestImages.JpegWithExif(2000, 1000, orientation: 1), "Flood on Main Street.jpg");
        var item = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/newsroom/media/{item.GetProperty("id").GetInt32()}", response.Headers.Location!.OriginalString);
        Assert.Equal("Flood on Main Street.jpg", item.GetProperty("fileName").GetString());
        Assert.Equal("image/jpeg", item.GetProperty("contentType").GetString());
        Assert.Equal((2000, 1000), (item.GetProperty("width").GetInt32(), item.GetProperty("height").GetInt32()));
        var variants = item.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal([480, 960, 1600, 2000], variants.Select(v => v.GetProperty("width").GetInt32()));
        Assert.Equal(variants[^1].GetProperty("url").GetString(), item.GetProperty("url").GetString());
        Assert.Contains(" 480w, ", item.GetProperty("srcSet").GetString(), StringComparison.Ordinal);

        var reader = app.CreateReaderClient();
        var names = new HashSet<string>();
        foreach (var variant in variants)
        {
            var url = variant.GetProperty("url").GetString()!;
            Assert.Matches(@"^/media/\d{4}/\d{2}/[0-9a-f]{32}-\d+\.jpg$", url);
            names.Add(url[..url.LastIndexOf('-')]);
            Assert.True(File.Exists(app.FileOf(url)), $"{url} should be on disk");

            var file = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal("image/jpeg", file.Content.Headers.ContentType!.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", file.Headers.CacheControl!.ToString());
            var bytes = await file.Content.ReadAsByteArrayAsync();
            Assert.Equal(-1, bytes.AsSpan().IndexOf(TestImages.GpsLatitudeBytes));
            Assert.DoesNotContain((byte)0xE1, TestImages.JpegMarkers(bytes));
        }

        Assert.Single(names);
        Assert.DoesNotContain(app.StoredFiles(), f => Path.GetFileName(f).StartsWith('.'));

        // Another upload of the same bytes gets names of its own.
        var again = await client.UploadImageAsync(TestImages.Jpeg(600, 300));
        Assert.DoesNotContain(names, n => again.GetProperty("url").GetString()!.StartsWith(n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnOversizedUploadIsRefusedWith413AndNothingIsStored()
    {
        using var database = new TestDatabase(app.Database.Provider);
        await using var small = new DatelineApp(database);
        small.Settings["Dateline:Media:MaxUploadBytes"] = "200000";
        var client = small.CreateClient(await small.CreateApiKeyAsync("editor"));
        byte[] big = [.. TestImages.Jpeg(100, 100), .. new byte[250_000]];

        var declared = await client.UploadAsync(big, "big.jpg");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        var problem = await declared.JsonAsync();
        Assert.Equal("application/problem+json", declared.Content.Headers.ContentType!.MediaType);
        Assert.Contains("195.3 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));

        // Without a Content-Length the limit is found while reading, and reading stops there.
        var form = new MultipartFormDataContent { { new UnsizedContent(big), "file", "big.jpg" } };
        var streamed = await client.PostAsync("/api/newsroom/media", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);

        Assert.Empty(small.StoredFiles());
        Assert.Equal(0, await small.MediaRowsAsync());
        Assert.Equal(HttpStatusCode.Created, (await client.UploadAsync(TestImages.Jpeg(200, 100), "fits.jpg")).StatusCode);
    }

    [Fact]
    public async Task FakeAndBrokenImagesAreRefusedWithAClearMessageAndNothingIsStored()
    {
        var client = await ClientAsync();
        var files = app.StoredFiles().Length;
        var rows = await app.MediaRowsAsync();

        var html = await client.UploadAsync(TestImages.Html, "holiday.jpg");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, html.StatusCode);
        var detail = (await html.JsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("Only JPEG, PNG, WebP and GIF images are accepted", detail, StringComparison.Ordinal);
        Assert.Contains("markup", detail, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.UploadAsync(TestImages.Svg, "logo.svg", "image/svg+xml")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.UploadAsync(TestImages.Svg, "logo.png", "image/png")).StatusCode);

        var truncated = await client.UploadAsync(TestImages.TruncatedJpeg(), "cut.jpg");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, truncated.StatusCode);
        Assert.Contains("damaged or incomplete", (await truncated.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        var bomb = await client.UploadAsync(TestImages.PngBomb(30_000, 30_000), "bomb.png", "image/png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bomb.StatusCode);
        Assert.Contains("30,000 × 30,000 pixels", (await bomb.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var empty = await client.UploadAsync([], "empty.jpg");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);

        Assert.Equal(files, app.StoredFiles().Length);
        Assert.Equal(rows, await app.MediaRowsAsync());
    }

    [Fact]
    public async Task AnUploadMustBeMultipartWithAFileField()
    {
        var client = await ClientAsync();
        var raw = await client.PostAsync("/api/newsroom/media", new ByteArrayContent(TestImages.Jpeg(100, 100)) { Headers = { ContentType = new("image/jpeg") } });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, raw.StatusCode);
        var rawText = await raw.Content.ReadAsStringAsync();
        Assert.True(rawText.Contains("multipart/form-data", StringComparison.Ordinal), rawText);

        var noFile = await client.PostAsync("/api/newsroom/media", new MultipartFormDataContent { { new StringContent("hello"), "caption" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noFile.StatusCode);
        Assert.True((await noFile.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));

        var openApi = await (await app.CreateReaderClient().GetAsync("/openapi/v1.json")).JsonAsync();
        var upload = openApi.GetProperty("paths").GetProperty("/api/newsroom/media").GetProperty("post");
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
    }

    [Fact]
    public async Task AltCaptionAndCreditAreEditedUnderTheArticleTextRules()
    {
        var client = await ClientAsync();
        var id = (await client.UploadImageAsync(TestImages.Png(300, 200), "chart.png")).GetProperty("id").GetInt32();

        var patched = await client.PatchJsonAsync($"/api/newsroom/media/{id}", new { alt = "  A bar chart of rainfall  ", caption = "Rain by month.\nA second line.", credit = "Data Desk/Gazette" });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var item = await patched.JsonAsync();
        Assert.Equal("A bar chart of rainfall", item.GetProperty("alt").GetString());
        Assert.Equal("Rain by month.\nA second line.", item.GetProperty("caption").GetString());
        Assert.Equal("image/png", item.GetProperty("contentType").GetString());

        var invalid = await client.PatchAsync($"/api/newsroom/media/{id}", new StringContent(
            """{"alt": "Two\nlines", "credit": 5, "caption": "ok", "colour": "red", "width": 9}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var errors = (await invalid.JsonAsync()).GetProperty("errors");
        Assert.Equal(["alt", "colour", "credit"], errors.EnumerateObject().Select(p => p.Name).Order());
        var tooLong = await client.PatchJsonAsync($"/api/newsroom/media/{id}", new { alt = "Two\nlines", caption = new string('x', 1001) });
        Assert.Equal(["alt", "caption"], (await tooLong.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());

        var cleared = await (await client.PatchJsonAsync($"/api/newsroom/media/{id}", new { credit = (string?)null })).JsonAsync();
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("credit").ValueKind);
        Assert.Equal("A bar chart of rainfall", cleared.GetProperty("alt").GetString());
        var read = await (await client.GetAsync($"/api/newsroom/media/{id}")).JsonAsync();
        Assert.Equal("Rain by month.\nA second line.", read.GetProperty("caption").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PatchJsonAsync("/api/newsroom/media/999999", new { alt = "x" })).StatusCode);
    }

    [Fact]
    public async Task TheListIsNewestFirstAndSearchesFileNamesCaptionsAndAlt()
    {
        var client = await ClientAsync();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var first = await client.UploadImageAsync(TestImages.Jpeg(100, 100), $"Harbour-{marker}.jpg");
        var second = await client.UploadImageAsync(TestImages.Jpeg(100, 100), "other.jpg");
        await client.PatchJsonAsync($"/api/newsroom/media/{second.GetProperty("id").GetInt32()}", new { caption = $"Boats in the HARBOUR-{marker.ToUpperInvariant()}" });
        var third = await client.UploadImageAsync(TestImages.Jpeg(100, 100), "100%_real.jpg");

        var all = await (await client.GetAsync("/api/newsroom/media")).JsonAsync();
        var ids = all.GetProperty("media").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()).ToList();
        Assert.Equal([third.GetProperty("id").GetInt32(), second.GetProperty("id").GetInt32(), first.GetProperty("id").GetInt32()], ids.Take(3));
        Assert.Equal(1, all.GetProperty("page").GetInt32());

        var found = await (await client.GetAsync($"/api/newsroom/media?q=harbour-{marker}")).JsonAsync();
        Assert.Equal([second.GetProperty("id").GetInt32(), first.GetProperty("id").GetInt32()],
            found.GetProperty("media").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
        var wildcard = await (await client.GetAsync("/api/newsroom/media?q=%25_")).JsonAsync();
        Assert.Equal([third.GetProperty("id").GetInt32()], wildcard.GetProperty("media").EnumerateArray().Select(m => m.GetProperty("id").GetInt32()));
        Assert.Empty((await (await client.GetAsync("/api/newsroom/media?q=nothing-has-this-name")).JsonAsync()).GetProperty("media").EnumerateArray());
    }

    [Fact]
    public async Task RolesDecideWhoMayUploadChangeAndDelete()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateReaderClient().UploadAsync(TestImages.Jpeg(50, 50), "x.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateReaderClient().GetAsync("/api/newsroom/media")).StatusCode);
        var moderator = await ClientAsync("moderator");
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.UploadAsync(TestImages.Jpeg(50, 50), "x.jpg")).StatusCode);

        var contributor = await ClientAsync("contributor");
        var id = (await contributor.UploadImageAsync(TestImages.Jpeg(50, 50))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await contributor.PatchJsonAsync($"/api/newsroom/media/{id}", new { alt = "Mine" })).StatusCode);

        var other = await ClientAsync("author");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync($"/api/newsroom/media/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PatchJsonAsync($"/api/newsroom/media/{id}", new { alt = "Theirs" })).StatusCode);
        var refused = await other.DeleteAsync($"/api/newsroom/media/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);

        var editor = await ClientAsync("editor");
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/newsroom/media/{id}")).StatusCode);
    }

    [Fact]
    public async Task ADeletedItemTakesItsFilesWithIt()
    {
        var client = await ClientAsync();
        var item = await client.UploadImageAsync(TestImages.Jpeg(1000, 500));
        var id = item.GetProperty("id").GetInt32();
        var urls = item.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("url").GetString()!).ToList();
        Assert.All(urls, url => Assert.True(File.Exists(app.FileOf(url))));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/newsroom/media/{id}")).StatusCode);
        Assert.All(urls, url => Assert.False(File.Exists(app.FileOf(url))));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateReaderClient().GetAsync(urls[0])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/newsroom/media/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/newsroom/media/{id}")).StatusCode);
    }

    /// <summary>Content that will not tell its length, so that it is sent without a Content-Length.</summary>
    private sealed class UnsizedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
