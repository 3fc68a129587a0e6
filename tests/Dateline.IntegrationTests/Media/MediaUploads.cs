using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Media;

/// <summary>Uploading the way a browser form does, and looking at what was stored.</summary>
internal static class MediaUploads
{
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] content, string fileName, string contentType = "image/jpeg")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return client.PostAsync("/api/newsroom/media", form);
    }

    /// <summary>Uploads and returns the item's JSON; fails the test otherwise.</summary>
    public static async Task<JsonElement> UploadImageAsync(this HttpClient client, byte[] content, string fileName = "photo.jpg")
    {
        var response = await client.UploadAsync(content, fileName);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {json}");
        return json;
    }

    /// <summary>Every file under the data folder's media/, hidden temporary ones included.</summary>
    public static string[] StoredFiles(this DatelineApp app)
    {
        var folder = Path.Combine(app.Database.DataDir, "media");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    public static async Task<int> MediaRowsAsync(this DatelineApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().MediaItems.CountAsync();
    }

    public static string FileOf(this DatelineApp app, string url) =>
        Path.Combine(app.Database.DataDir, "media", url["/media/".Length..]);
}
