using System.Security.Cryptography;
using Dateline.Features.Feeds;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Dateline.Web;

/// <summary>
/// What happens to an answer every anonymous reader shares (see <see cref="PublicPagePolicy.IsShared"/>)
/// between the endpoint and the output cache: it is compressed (Brotli or gzip, as the reader
/// accepts) and, when it is to be stored, given an ETag that hashes the bytes sent. Both run
/// inside the output cache, so a stored entry holds the compressed bytes with their ETag: a hit
/// costs neither compression nor hashing, and the cache answers a matching <c>If-None-Match</c>
/// with 304 by itself. Answers made for one reader or for the newsroom are left alone;
/// compressing them next to a secret such as an antiforgery token is what BREACH-style attacks
/// need. With the page cache off nothing is held back, so a feed's own tag then stays as the
/// feed set it, compressed or not.
/// </summary>
public static class SharedAnswers
{
    /// <summary>Types worth compressing: the defaults (HTML, CSS, JS, JSON, XML, text) and our feeds.</summary>
    private static readonly string[] CompressedTypes =
    [
        .. ResponseCompressionDefaults.MimeTypes,
        "application/rss+xml", "application/atom+xml", "application/feed+json", "image/svg+xml",
    ];

    public static IServiceCollection AddSharedAnswerCompression(this IServiceCollection services) =>
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // safe here: only shared answers, which hold no secret, reach it
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });

    /// <summary>Place right after <c>UseOutputCache</c>, so that what it stores is already compressed and tagged.</summary>
    public static IApplicationBuilder UseSharedAnswers(this IApplicationBuilder app)
    {
        app.UseWhen(PublicPagePolicy.IsShared, shared =>
        {
            // Tagging holds the answer back until it is complete, which pays only when it is
            // stored; with the page cache off, answers go out as they are written.
            shared.UseWhen(WillBeStored, stored => stored.Use(TagAsync));
            shared.UseResponseCompression();
        });
        return app;
    }

    private static bool WillBeStored(HttpContext http) =>
        http.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage == true;

    /// <summary>
    /// Holds the answer back until it is complete, then sends it with a hash of its bytes as its
    /// ETag, or a 304 when the reader already has those bytes. Endpoints that set their own
    /// validators (the feeds) keep theirs, made weak when the answer was compressed.
    /// </summary>
    private static async Task TagAsync(HttpContext http, RequestDelegate next)
    {
        // Other readers of the same page may be waiting for this render (the output cache's
        // request coalescing), so it runs to the end even if its own reader goes away: their
        // pages must not fail with the cancellation of someone else's request.
        var readerLeft = http.RequestAborted;
        http.RequestAborted = CancellationToken.None;
        var response = http.Response;
        var wire = response.Body;
        using var held = new MemoryStream();
        response.Body = held;
        try
        {
            await next(http);
            // Writes through the body's pipe may still be buffered in it.
            await http.Features.GetRequiredFeature<IHttpResponseBodyFeature>().CompleteAsync();
        }
        finally
        {
            response.Body = wire;
        }

        var own = response.Headers.ETag.ToString();
        if (own.Length > 0 && response.Headers.ContainsKey(HeaderNames.ContentEncoding) && !own.StartsWith("W/", StringComparison.Ordinal))
        {
            // The endpoint's tag names the uncompressed bytes, which these are not: only a weak
            // tag may name both (a strong one promises the very same bytes).
            response.Headers.ETag = "W/" + own;
        }
        else if (own.Length == 0 && response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = FeedResponse.EntityTag(SHA256.HashData(held.GetBuffer().AsSpan(0, (int)held.Length)));
            response.Headers.ETag = etag;
            if (FeedResponse.IsNotModified(http, etag, null))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        if (held.Length > 0 || response.StatusCode == StatusCodes.Status200OK)
        {
            response.ContentLength = held.Length;
        }

        held.Position = 0;
        try
        {
            await held.CopyToAsync(wire);
        }
        catch (Exception e) when (readerLeft.IsCancellationRequested && e is IOException or OperationCanceledException)
        {
            // Nobody to send it to, and the output cache holds only part of it. Storing nothing
            // also hands nothing to the readers waiting for this render: they make their own.
            http.Features.GetRequiredFeature<IOutputCacheFeature>().Context.AllowCacheStorage = false;
        }
    }
}
