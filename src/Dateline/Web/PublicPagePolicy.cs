using Dateline.Features.Comments;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Dateline.Web;

/// <summary>
/// The output-cache policy of public pages and feeds. One cached copy serves every anonymous
/// reader; a reader whose page has personal parts (their own held comment, a form filled from
/// "Save my name…", on a page marked <see cref="ShowsCommenterPartsAttribute"/>) is answered
/// fresh, and that answer is never stored, so nobody else sees it.
/// Entries are evicted by tag when something they show changes (see <see cref="PageCache"/>),
/// and an answer rendered while an eviction happened is not stored, since it may predate the
/// change. Entries expire after <see cref="Lifetime"/> at the latest.
/// </summary>
public sealed class PublicPagePolicy : IOutputCachePolicy
{
    /// <summary>Query parameters that change what a public page shows; any others are ignored.</summary>
    private static readonly StringValues ShapingQueryKeys = new(["page", "cpage", "replyto"]);

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string GenerationKey = "Dateline.PageCache.Generation";
    private const string SharedKey = "Dateline.PageCache.Shared";
    private const string EncodingKey = "encoding";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var request = http.Request;
        // A commenter's cookies shape only the pages that show their parts: a reader who ticked
        // "Save my name…" a year ago still gets the home page, the feeds and the API from the cache.
        var personal = http.User.Identity?.IsAuthenticated == true
            || (http.GetEndpoint()?.Metadata.GetMetadata<ShowsCommenterPartsAttribute>() is not null
                && (request.Query.ContainsKey("held") || http.RequestServices.GetRequiredService<CommenterCookies>().HasPersonalParts(request)));
        // HEAD is answered fresh: the cache keeps it apart from GET, and a result that skips the
        // body on HEAD (bytes, files) would leave an entry announcing "Content-Length: 0".
        var shared = HttpMethods.IsGet(request.Method)
            && !request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Authorization)
            && !personal;
        if (shared)
        {
            // Compressed and tagged with an ETag whether or not the cache is on (see SharedAnswers).
            http.Items[SharedKey] = true;
        }
        else if (personal)
        {
            // Nor may a proxy or CDN between us and the reader keep a page made for one reader.
            http.Response.OnStarting(() =>
            {
                http.Response.Headers.CacheControl = "private, no-store";
                return Task.CompletedTask;
            });
        }

        if (!http.RequestServices.GetRequiredService<IOptions<DatelineOptions>>().Value.PageCache)
        {
            context.EnableOutputCaching = false;
            context.AllowCacheLookup = false;
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        http.Items[GenerationKey] = http.RequestServices.GetRequiredService<PageCache>().Generation;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = shared;
        context.AllowCacheStorage = shared;
        // Readers who miss the same entry together wait for one render instead of each making
        // their own: a story that breaks, or a page evicted under load, is otherwise rendered by
        // every reader arriving before the first render is stored, each holding a whole page in
        // memory. That render no longer stops when its own reader leaves (see SharedAnswers).
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = http.GetEndpoint()?.Metadata.GetMetadata<PageCacheQueryKeys>() is { } extra
            ? StringValues.Concat(ShapingQueryKeys, new StringValues([.. extra.Keys]))
            : ShapingQueryKeys;
        // Answers are stored compressed: one entry per encoding the compression would choose
        // (br, gzip or none), not one per spelling of Accept-Encoding.
        context.CacheVaryByRules.VaryByValues[EncodingKey] =
            http.RequestServices.GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(http)?.EncodingName ?? "identity";
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(PageCache.EverythingTag);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Whether the answer being made is the same for every anonymous reader, and so may be
    /// compressed (it holds no secret a compression side channel could leak) and stored.
    /// </summary>
    public static bool IsShared(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.ContainsKey(SharedKey);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        // A cookie set on the way out belongs to one reader; only complete successes are shared.
        var cache = context.HttpContext.RequestServices.GetRequiredService<PageCache>();
        if (!StringValues.IsNullOrEmpty(response.Headers.SetCookie) || response.StatusCode != StatusCodes.Status200OK
            || context.HttpContext.Items[GenerationKey] is not long generation || generation != cache.Generation)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
