using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;

namespace Dateline.TestSupport;

public static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object body) =>
        client.PatchAsync(path, JsonContent.Create(body));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<IDocument> HtmlAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
    }

    /// <summary>Creates an article through the newsroom API and returns its JSON; fails the test otherwise.</summary>
    public static async Task<JsonElement> CreateArticleAsync(this HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/newsroom/articles", body);
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {json}");
        return json;
    }

    public static string PathOf(JsonElement article) => new Uri(article.GetProperty("url").GetString()!).AbsolutePath;

    /// <summary>
    /// Leaves a reply the way a browser without JavaScript does: opens the article (when there is
    /// a page to open), takes the form's stamp, and posts the form to /comments without following
    /// the redirect.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitCommentFormAsync(this HttpClient browser, string path, int articleId, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = new Dictionary<string, string>
        {
            ["articleId"] = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["parentId"] = "",
            ["homepage"] = "",
        };
        if (path.Length > 0)
        {
            var page = await (await browser.GetAsync(path)).HtmlAsync();
            form["stamp"] = page.QuerySelector("input[name='stamp']")?.GetAttribute("value") ?? "";
        }

        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return await browser.PostAsync("/comments", new FormUrlEncodedContent(form));
    }
}
