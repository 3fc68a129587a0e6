using System.Net;
using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Pages;

/// <summary>
/// Public pages come from one shared cache, are evicted by the actions that change them, and never
/// carry one reader's personal parts to another. A change written to the database behind the
/// application's back shows whether an answer came from the cache.
/// </summary>
public abstract class PageCacheTests(DatelineApp app)
{
    private async Task<(HttpClient Admin, int Id, string Path, string Headline)> ArticleAsync(string? headline = null)
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        await admin.PutAsync("/api/newsroom/settings/discussion", System.Net.Http.Json.JsonContent.Create(
            new { minimumSecondsToSubmit = 0, floodSeconds = 0, requirePreviousApproval = true }));
        headline ??= $"Cached Story {Guid.NewGuid():N}";
        var article = await admin.CreateArticleAsync(new { headline, authors = new[] { "Cache Writer" }, status = "published" });
        return (admin, article.GetProperty("id").GetInt32(), Http.PathOf(article), headline);
    }

    private async Task RenameBehindTheAppsBackAsync(int id, string headline)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, headline));
    }

    private HttpClient Reader(string ip)
    {
        var client = app.CreateReaderClient();
        client.DefaultRequestHeaders.Add(TestRemoteIp.Header, ip);
        return client;
    }

    // A held comment's id, from the redirect after posting it (?held=N).
    private static int HeldCommentId(HttpResponseMessage posted) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(posted.Headers.Location!.OriginalString, @"held=(\d+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Fields(string body, string name, string email) =>
        new() { ["body"] = body, ["name"] = name, ["email"] = email, ["url"] = "" };

    [Fact]
    public async Task ReadersShareOneCachedPageUntilAnEditEvictsItAndItsLists()
    {
        var (admin, id, path, headline) = await ArticleAsync();
        Assert.Contains(headline, await Reader("10.7.0.1").GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains(headline, await Reader("10.7.0.1").GetStringAsync("/"), StringComparison.Ordinal);

        await RenameBehindTheAppsBackAsync(id, "Changed Behind The Back");
        Assert.Contains(headline, await Reader("10.7.0.2").GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains(headline, await Reader("10.7.0.2").GetStringAsync("/"), StringComparison.Ordinal);

        var edited = $"Edited Story {Guid.NewGuid():N}";
        var patch = await admin.PatchJsonAsync($"/api/newsroom/articles/{id}", new { headline = edited });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Contains(edited, await Reader("10.7.0.3").GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains(edited, await Reader("10.7.0.3").GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewArticleEvictsEveryListAndAModeratorsDecisionEvictsItsArticlePageAndFeeds()
    {
        var (admin, id, path, _) = await ArticleAsync();
        var reader = Reader("10.7.1.1");
        await reader.GetStringAsync("/");
        await reader.GetStringAsync(path);
        await reader.GetStringAsync("/comments/feed/");

        var second = $"Later Story {Guid.NewGuid():N}";
        await admin.CreateArticleAsync(new { headline = second, authors = new[] { "Cache Writer" }, status = "published" });
        Assert.Contains(second, await reader.GetStringAsync("/"), StringComparison.Ordinal);

        var posted = await Reader("10.7.1.2").SubmitCommentFormAsync(path, id, Fields("Held until a moderator says so.", "New Reader", "new.reader@example.org"));
        var commentId = HeldCommentId(posted);
        Assert.DoesNotContain("Held until a moderator", await reader.GetStringAsync(path), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/newsroom/comments/{commentId}/approve", null)).StatusCode);
        Assert.Contains("Held until a moderator", await reader.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains("Held until a moderator", await reader.GetStringAsync("/comments/feed/"), StringComparison.Ordinal);
        Assert.Contains("Held until a moderator", await reader.GetStringAsync(path + "feed/"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/newsroom/comments/{commentId}/trash", null)).StatusCode);
        Assert.DoesNotContain("Held until a moderator", await reader.GetStringAsync(path), StringComparison.Ordinal);
        Assert.DoesNotContain("Held until a moderator", await reader.GetStringAsync("/comments/feed/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachActionEvictsThePagesShowingItsArticleAndLeavesOtherArticlesCached()
    {
        // Headlines with no word in common, so that neither page lists the other as related.
        var (_, otherId, otherPath, otherHeadline) = await ArticleAsync($"Harbour Violin {Guid.NewGuid():N}");
        var (admin, id, path, _) = await ArticleAsync($"Quarry Lantern {Guid.NewGuid():N}");
        var reader = Reader("10.7.6.1");
        await reader.GetStringAsync(path);
        await reader.GetStringAsync(otherPath);
        await RenameBehindTheAppsBackAsync(otherId, "Other Changed Behind The Back");
        async Task OtherStillCachedAsync(string after) =>
            Assert.True((await reader.GetStringAsync(otherPath)).Contains(otherHeadline, StringComparison.Ordinal), $"the other article's page was evicted by {after}");

        var posted = await Reader("10.7.6.2").SubmitCommentFormAsync(path, id, Fields("A reply that waits for a moderator.", "Patient Reader", "patient@example.org"));
        var commentId = HeldCommentId(posted);
        await OtherStillCachedAsync("a held comment");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/newsroom/comments/{commentId}/approve", null)).StatusCode);
        Assert.Contains("A reply that waits for a moderator.", await reader.GetStringAsync(path), StringComparison.Ordinal);
        await OtherStillCachedAsync("an approval");

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/newsroom/comments/{commentId}/hold", null)).StatusCode);
        Assert.DoesNotContain("A reply that waits for a moderator.", await reader.GetStringAsync(path), StringComparison.Ordinal);
        await OtherStillCachedAsync("holding a comment again");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/newsroom/comments/{commentId}/approve", null)).StatusCode);

        var dek = $"A new dek {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchJsonAsync($"/api/newsroom/articles/{id}", new { dek })).StatusCode);
        Assert.Contains(dek, await reader.GetStringAsync(path), StringComparison.Ordinal);
        await OtherStillCachedAsync("an edit of another article");
        // The lists were evicted with the edit, so the home page is made afresh from the data.
        Assert.Contains("Other Changed Behind The Back", await reader.GetStringAsync("/"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/newsroom/comments/{commentId}/trash", null)).StatusCode);
        Assert.DoesNotContain("A reply that waits for a moderator.", await reader.GetStringAsync(path), StringComparison.Ordinal);
        await OtherStillCachedAsync("a comment's removal");
    }

    [Fact]
    public async Task AnApprovedCommentAndADeletedArticleEvictEveryAnswerShowingTheArticle()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        await admin.PutAsync("/api/newsroom/settings/discussion", System.Net.Http.Json.JsonContent.Create(
            new { minimumSecondsToSubmit = 0, floodSeconds = 0, requirePreviousApproval = true }));
        var headline = $"Listed Everywhere {Guid.NewGuid():N}";
        var article = await admin.CreateArticleAsync(new
        {
            headline,
            authors = new[] { $"Writer {Guid.NewGuid():N}" },
            topics = new[] { $"Topic {Guid.NewGuid():N}" },
            status = "published",
        });
        var id = article.GetProperty("id").GetInt32();
        var path = Http.PathOf(article);
        var lists = new[]
        {
            $"/topics/{article.GetProperty("topics")[0].GetProperty("slug").GetString()}/",
            $"/authors/{article.GetProperty("authors")[0].GetProperty("slug").GetString()}/",
            path[..12],
            "/api/articles",
        };
        var comments = new[] { $"/api/articles/{id}/comments", "/comments/feed/", path + "feed/" };
        var reader = Reader("10.7.12.1");
        foreach (var url in lists)
        {
            Assert.Contains(headline, await reader.GetStringAsync(url), StringComparison.Ordinal);
        }

        foreach (var url in comments)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).StatusCode);
        }

        // Other tests of this class rename theirs too: this name is this article's alone.
        var renamed = $"Renamed Behind The Back {Guid.NewGuid():N}";
        await RenameBehindTheAppsBackAsync(id, renamed);
        foreach (var url in lists)
        {
            Assert.True((await reader.GetStringAsync(url)).Contains(headline, StringComparison.Ordinal), $"{url} was not cached");
        }

        // An approved comment changes the article's count on every list and the comment reads.
        var posted = await Reader("10.7.12.2").SubmitCommentFormAsync(path, id, Fields("Seen on every list.", "Listed Reader", "listed@example.org"));
        var commentId = HeldCommentId(posted);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/newsroom/comments/{commentId}/approve", null)).StatusCode);
        foreach (var url in lists)
        {
            Assert.True((await reader.GetStringAsync(url)).Contains(renamed, StringComparison.Ordinal), $"{url} was not evicted by the approval");
        }

        foreach (var url in comments)
        {
            Assert.True((await reader.GetStringAsync(url)).Contains("Seen on every list.", StringComparison.Ordinal), $"{url} was not evicted by the approval");
        }

        Assert.True((await admin.DeleteAsync($"/api/newsroom/articles/{id}")).IsSuccessStatusCode);
        foreach (var url in lists.Where(u => u != path[..12]))
        {
            var response = await reader.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound || !(await response.Content.ReadAsStringAsync()).Contains(renamed, StringComparison.Ordinal),
                $"{url} still shows the deleted article");
        }

        Assert.DoesNotContain(renamed, await reader.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/articles/{id}/comments")).StatusCode);
        Assert.DoesNotContain("Seen on every list.", await reader.GetStringAsync("/comments/feed/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task CachedPagesAreStoredCompressedWithAnETagThatAnswers304(string encoding)
    {
        var (admin, id, path, headline) = await ArticleAsync();
        async Task<HttpResponseMessage> GetAsync(string? etag = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br, zstd");
            if (encoding == "gzip")
            {
                request.Headers.AcceptEncoding.Clear();
                request.Headers.AcceptEncoding.ParseAdd("gzip");
            }

            if (etag is not null)
            {
                request.Headers.IfNoneMatch.ParseAdd(etag);
            }

            return await Reader("10.7.7.1").SendAsync(request);
        }

        var first = await GetAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(encoding, Assert.Single(first.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        var etag = first.Headers.ETag!.ToString();
        Assert.False(first.Headers.ETag.IsWeak);
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, first.Content.Headers.ContentLength);
        var html = Decompress(bytes, encoding);
        Assert.Contains(headline, html, StringComparison.Ordinal);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes)[..16], Convert.FromBase64String(etag.Trim('"').Replace('-', '+').Replace('_', '/') + "=="));

        // The stored entry is the compressed one: the same bytes again, though the data changed.
        await RenameBehindTheAppsBackAsync(id, "Changed Behind The Back");
        var second = await GetAsync();
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag!.ToString());
        var unchanged = await GetAsync(etag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        // A reader that takes no compression gets its own entry, in plain text.
        var plain = await Reader("10.7.7.2").GetAsync(path);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.NotEqual(etag, plain.Headers.ETag!.ToString());

        var edited = $"Edited For Encoding {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchJsonAsync($"/api/newsroom/articles/{id}", new { headline = edited })).StatusCode);
        var changed = await GetAsync(etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.ToString());
        Assert.Contains(edited, Decompress(await changed.Content.ReadAsByteArrayAsync(), encoding), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(changed.Headers.ETag!.ToString())).StatusCode);
    }

    [Fact]
    public async Task AFeedsOwnTagIsSentWeakWhenTheFeedIsCompressedAndStillAnswers304()
    {
        await ArticleAsync();
        async Task<HttpResponseMessage> GetAsync(string? etag = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/feed/");
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            if (etag is not null)
            {
                request.Headers.IfNoneMatch.ParseAdd(etag);
            }

            return await Reader("10.7.9.1").SendAsync(request);
        }

        var first = await GetAsync();
        Assert.Equal("gzip", Assert.Single(first.Content.Headers.ContentEncoding));
        Assert.True(first.Headers.ETag!.IsWeak, first.Headers.ETag.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(first.Headers.ETag.ToString())).StatusCode);
        var plain = await Reader("10.7.9.2").GetAsync("/feed/");
        Assert.False(plain.Headers.ETag!.IsWeak);
    }

    [Fact]
    public async Task PagesMadeForOneReaderAreNeitherCompressedNorTagged()
    {
        var (_, id, path, _) = await ArticleAsync();
        var writer = Reader("10.7.8.1");
        await writer.SubmitCommentFormAsync(path, id, Fields("Mine alone, for now.", "Own Page", "own.page@example.org"));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var own = await writer.SendAsync(request);
        Assert.Contains("Mine alone, for now.", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(own.Content.Headers.ContentEncoding);
        Assert.Null(own.Headers.ETag);
    }

    private static string Decompress(byte[] bytes, string encoding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder = encoding == "br"
            ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(decoder);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task OneReadersHeldCommentAndSavedDetailsNeverReachAnotherReader()
    {
        var (admin, id, path, _) = await ArticleAsync();
        var writer = Reader("10.7.2.1");
        var fields = Fields("Only I should see this for now.", "Private Person", "private.person@example.org");
        fields["remember"] = "yes";
        var posted = await writer.SubmitCommentFormAsync(path, id, fields);
        Assert.Contains("held=", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The writer's page is the first made since the comment, so it would be the one cached.
        var ownResponse = await writer.GetAsync(path);
        Assert.True(ownResponse.Headers.CacheControl is { Private: true, NoStore: true }, $"{ownResponse.Headers.CacheControl}");
        var own = await ownResponse.Content.ReadAsStringAsync();
        Assert.Contains("Only I should see this for now.", own, StringComparison.Ordinal);
        Assert.Contains("private.person@example.org", own, StringComparison.Ordinal);
        foreach (var ip in new[] { "10.7.2.2", "10.7.2.3" })
        {
            var other = await Reader(ip).GetStringAsync(path);
            Assert.DoesNotContain("Only I should see this", other, StringComparison.Ordinal);
            Assert.DoesNotContain("private.person@example.org", other, StringComparison.Ordinal);
            Assert.DoesNotContain("Private Person", other, StringComparison.Ordinal);
        }

        // The same holds for the reply page and the comments API.
        Assert.Contains("private.person", await writer.GetStringAsync(path + "?replyto=1"), StringComparison.Ordinal);
        Assert.DoesNotContain("private.person", await Reader("10.7.2.4").GetStringAsync(path + "?replyto=1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Only I should see", await writer.GetStringAsync($"/api/articles/{id}/comments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrowserWhoseHeldCommentWasDecidedIsServedTheSharedPageAgain()
    {
        var (admin, id, path, headline) = await ArticleAsync();
        var writer = Reader("10.7.3.1");
        var posted = await writer.SubmitCommentFormAsync(path, id, Fields("Waiting for a decision.", "Soon Decided", "soon@example.org"));
        var commentId = HeldCommentId(posted);
        await admin.PostAsync($"/api/newsroom/comments/{commentId}/spam", null);

        // The first visit after the decision forgets the comment in the browser's cookie.
        var forgetting = await writer.GetAsync(path);
        Assert.Contains(forgetting.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("dl_commenter=", StringComparison.Ordinal)));
        await Reader("10.7.3.2").GetStringAsync(path);
        await RenameBehindTheAppsBackAsync(id, "Changed Behind The Back");
        Assert.Contains(headline, await writer.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePublicArticleApiIsCachedWithAnETagAndEvictedWithItsArticle()
    {
        var (admin, id, path, headline) = await ArticleAsync();
        string[] urls = ["/api/articles", $"/api/articles/{id}"];
        async Task<HttpResponseMessage> GetAsync(string url, string? etag = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (etag is not null)
            {
                request.Headers.IfNoneMatch.ParseAdd(etag);
            }

            return await Reader("10.7.8.1").SendAsync(request);
        }

        var etags = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var first = await GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Contains(headline, await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            etags[url] = first.Headers.ETag!.ToString();
        }

        var renamed = $"Renamed Behind The Back {Guid.NewGuid():N}";
        await RenameBehindTheAppsBackAsync(id, renamed);
        foreach (var url in urls)
        {
            Assert.Contains(headline, await (await GetAsync(url)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(url, etags[url])).StatusCode);
        }

        // Both answers carry the article's comment count: approving a comment evicts them.
        var posted = await Reader("10.7.8.2").SubmitCommentFormAsync(path, id, Fields("Counted in the API.", "Api Reader", "api.reader@example.org"));
        var commentId = HeldCommentId(posted);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/newsroom/comments/{commentId}/approve", null)).StatusCode);
        foreach (var url in urls)
        {
            var fresh = await GetAsync(url, etags[url]);
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            var json = await fresh.Content.ReadAsStringAsync();
            Assert.Contains(renamed, json, StringComparison.Ordinal);
            Assert.DoesNotContain("api.reader@example.org", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheArticleApiListKeepsOneEntryPerTopicAndAuthor()
    {
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        async Task<(string Headline, string Topic, string Author)> PublishAsync()
        {
            var headline = $"Filtered {Guid.NewGuid():N}";
            var article = await admin.CreateArticleAsync(new
            {
                headline,
                authors = new[] { $"Writer {Guid.NewGuid():N}" },
                topics = new[] { $"Topic {Guid.NewGuid():N}" },
                status = "published",
            });
            return (headline, article.GetProperty("topics")[0].GetProperty("slug").GetString()!, article.GetProperty("authors")[0].GetProperty("slug").GetString()!);
        }

        var first = await PublishAsync();
        var second = await PublishAsync();
        var reader = Reader("10.7.13.1");
        Assert.Contains(first.Headline, await reader.GetStringAsync($"/api/articles?topic={first.Topic}"), StringComparison.Ordinal);
        var other = await reader.GetStringAsync($"/api/articles?topic={second.Topic}");
        Assert.Contains(second.Headline, other, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Headline, other, StringComparison.Ordinal);
        Assert.Contains(first.Headline, await reader.GetStringAsync($"/api/articles?author={first.Author}"), StringComparison.Ordinal);
        var byAuthor = await reader.GetStringAsync($"/api/articles?author={second.Author}");
        Assert.Contains(second.Headline, byAuthor, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Headline, byAuthor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftsAndCommentsNobodySeesLeaveEveryCachedPageInPlace()
    {
        var (admin, id, path, headline) = await ArticleAsync();
        string[] pages = [path, "/", "/feed/", "/api/articles", $"/api/articles/{id}"];
        foreach (var page in pages)
        {
            Assert.Contains(headline, await Reader("10.7.9.1").GetStringAsync(page), StringComparison.Ordinal);
        }

        var renamed = $"Renamed Behind The Back {Guid.NewGuid():N}";
        await RenameBehindTheAppsBackAsync(id, renamed);
        async Task StillCachedAsync(string after)
        {
            foreach (var page in pages)
            {
                var html = await Reader("10.7.9.2").GetStringAsync(page);
                Assert.True(html.Contains(headline, StringComparison.Ordinal), $"{page} was evicted by {after}");
            }
        }

        // A draft written, edited and deleted; one scheduled for next month, then edited.
        var draft = (await admin.CreateArticleAsync(new { headline = $"Draft {Guid.NewGuid():N}", authors = new[] { "Cache Writer" }, status = "draft" })).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchJsonAsync($"/api/newsroom/articles/{draft}", new { headline = $"Draft Again {Guid.NewGuid():N}" })).StatusCode);
        var scheduled = (await admin.CreateArticleAsync(new
        {
            headline = $"Later {Guid.NewGuid():N}",
            authors = new[] { "Cache Writer" },
            status = "scheduled",
            publishedAt = DateTime.UtcNow.AddDays(30),
        })).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchJsonAsync($"/api/newsroom/articles/{scheduled}", new { dek = "Still later." })).StatusCode);
        Assert.True((await admin.DeleteAsync($"/api/newsroom/articles/{draft}")).IsSuccessStatusCode);
        await StillCachedAsync("saving articles no reader sees");

        // A comment held for moderation, then marked as spam and deleted for good.
        var posted = await Reader("10.7.9.3").SubmitCommentFormAsync(path, id, Fields("Buy cheap watches.", "Spammer", "spam@example.org"));
        var commentId = HeldCommentId(posted);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/newsroom/comments/{commentId}/spam", null)).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Dateline.Features.Comments.CommentModerator>().DeleteAsync([commentId], CancellationToken.None));
        }

        await StillCachedAsync("moderating a comment no reader sees");

        // Publishing the scheduled article now evicts the lists, which then show the rename too.
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchJsonAsync($"/api/newsroom/articles/{scheduled}", new { status = "published", publishedAt = DateTime.UtcNow.AddMinutes(-1) })).StatusCode);
        Assert.Contains(renamed, await Reader("10.7.9.4").GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARememberedCommenterGetsEveryAnswerButTheArticlePageFromTheSharedCache()
    {
        var (_, id, path, headline) = await ArticleAsync();
        var writer = Reader("10.7.10.1");
        var fields = Fields("Remember me next time.", "Returning Reader", "returning.reader@example.org");
        fields["remember"] = "yes";
        await writer.SubmitCommentFormAsync(path, id, fields);
        string[] shared = ["/", "/feed/", "/api/articles", $"/api/articles/{id}"];
        foreach (var page in shared)
        {
            Assert.Contains(headline, await Reader("10.7.10.2").GetStringAsync(page), StringComparison.Ordinal);
        }

        var renamed = $"Renamed Behind The Back {Guid.NewGuid():N}";
        await RenameBehindTheAppsBackAsync(id, renamed);
        foreach (var page in shared)
        {
            var response = await writer.GetAsync(page);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(text.Contains(headline, StringComparison.Ordinal), $"{page} was made afresh for the remembered commenter");
            Assert.DoesNotContain("returning.reader@example.org", text, StringComparison.Ordinal);
            Assert.NotNull(response.Headers.ETag);
        }

        // The article page is theirs: their held comment, the form filled in, never stored.
        var own = await writer.GetAsync(path);
        Assert.True(own.Headers.CacheControl is { Private: true, NoStore: true }, $"{own.Headers.CacheControl}");
        var html = await own.Content.ReadAsStringAsync();
        Assert.Contains(renamed, html, StringComparison.Ordinal);
        Assert.Contains("returning.reader@example.org", html, StringComparison.Ordinal);
        Assert.Contains("Remember me next time.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("returning.reader@example.org", await Reader("10.7.10.3").GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticFilesAreLinkedByTheirFingerprintedNames()
    {
        // The headers differ by build: a published app serves the fingerprinted names as
        // immutable (.ci/published-smoke.sh checks it), a build revalidates them all.
        var home = await (await Reader("10.7.11.1").GetAsync("/")).HtmlAsync();
        var css = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.[a-z0-9]{6,}\.css$", css);
        var fingerprinted = await Reader("10.7.11.1").GetAsync(css);
        Assert.Equal(HttpStatusCode.OK, fingerprinted.StatusCode);
        var plain = await Reader("10.7.11.1").GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(await fingerprinted.Content.ReadAsByteArrayAsync(), await plain.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("immutable", plain.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANonCanonicalSpellingStillRedirectsOnceThePageIsCached()
    {
        var (_, _, path, _) = await ArticleAsync();
        Assert.Equal(HttpStatusCode.OK, (await Reader("10.7.5.1").GetAsync(path)).StatusCode);
        var shouting = await Reader("10.7.5.2").GetAsync(path.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.MovedPermanently, shouting.StatusCode);
        Assert.Equal(path, shouting.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AFreshFormStampIsNeverCached()
    {
        var first = await Reader("10.7.4.1").GetAsync("/comments/stamp");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.NoStore);
        await Task.Delay(20);
        var second = await Reader("10.7.4.1").GetStringAsync("/comments/stamp");
        Assert.NotEqual(await first.Content.ReadAsStringAsync(), second);
    }
}

public sealed class PageCacheOnSqlite(SqliteApp app) : PageCacheTests(app), IClassFixture<SqliteApp>;

public sealed class PageCacheOnPostgres(PostgresApp app) : PageCacheTests(app), IClassFixture<PostgresApp>;

/// <summary>With <c>Dateline:PageCache</c> off (for measuring the cold path), every request renders.</summary>
public sealed class PageCacheSwitchTests
{
    [Fact]
    public async Task WithThePageCacheOffEveryRequestRenders()
    {
        await using var app = new DatelineApp(Provider.Sqlite);
        app.Settings["Dateline:PageCache"] = "false";
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var article = await admin.CreateArticleAsync(new { headline = "Uncached Story", authors = new[] { "Someone" }, status = "published" });
        var path = Http.PathOf(article);
        Assert.Contains("Uncached Story", await app.CreateReaderClient().GetStringAsync(path), StringComparison.Ordinal);
        using (var scope = app.Services.CreateScope())
        {
            var id = article.GetProperty("id").GetInt32();
            await scope.ServiceProvider.GetRequiredService<DatelineDbContext>().Articles.Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, "Rendered Again"));
        }

        var again = await app.CreateReaderClient().GetStringAsync(path);
        Assert.True(again.Contains("Rendered Again", StringComparison.Ordinal), again[..Math.Min(3000, again.Length)]);
    }

    [Fact]
    public async Task WithThePageCacheOffTheRelatedArticlesRememberedFollowEveryArticleChange()
    {
        await using var app = new DatelineApp(Provider.Sqlite);
        app.Settings["Dateline:PageCache"] = "false";
        var admin = app.CreateClient(await app.CreateApiKeyAsync("admin"));
        var topics = new[] { "Ferries" };
        var story = await admin.CreateArticleAsync(new { headline = "Ferry timetable changes", authors = new[] { "Someone" }, topics, status = "published" });
        var reader = app.CreateReaderClient();
        async Task<List<string?>> RelatedAsync() =>
            [.. (await (await reader.GetAsync(Http.PathOf(story))).HtmlAsync()).QuerySelectorAll(".related li a").Select(a => a.GetAttribute("href"))];
        Assert.Empty(await RelatedAsync());

        var later = await admin.CreateArticleAsync(new { headline = "Ferry crews vote on pay", authors = new[] { "Someone" }, topics, status = "published" });
        Assert.Equal([Http.PathOf(later)], await RelatedAsync());

        await admin.PatchJsonAsync($"/api/newsroom/articles/{later.GetProperty("id").GetInt32()}", new { status = "draft" });
        Assert.Empty(await RelatedAsync());
    }
}
