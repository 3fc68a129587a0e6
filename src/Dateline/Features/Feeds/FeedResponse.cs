using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Dateline.Features.Feeds;

/// <summary>
/// Sends a feed with the validators feed readers poll with, and answers 304 when theirs still
/// match. The ETag is a hash of the bytes, so it changes exactly when the feed does. A 304 is not
/// stored by the output cache (only 200s are); a cached 200 carries these headers, and the cache
/// itself answers 304 from them.
/// </summary>
public static class FeedResponse
{
    public static IResult Send(HttpContext http, byte[] body, string contentType, DateTime? lastModifiedUtc)
    {
        ArgumentNullException.ThrowIfNull(body);
        return IsNotModified(http, EntityTag(SHA256.HashData(body)), lastModifiedUtc)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, contentType);
    }

    /// <summary>A quoted entity tag from a hash: its first 128 bits in base64url, weak when it describes data rather than bytes.</summary>
    public static string EntityTag(ReadOnlySpan<byte> hash, bool weak = false) =>
        (weak ? "W/\"" : "\"") + Convert.ToBase64String(hash[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";

    /// <summary>
    /// Sets ETag and Last-Modified on the answer being made, and tells whether the request's own
    /// validators still match them, when the answer is 304 with no body.
    /// </summary>
    public static bool IsNotModified(HttpContext http, string etag, DateTime? lastModifiedUtc)
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Response.Headers;
        headers.ETag = etag;
        // HTTP dates have whole seconds; a validator must compare equal to the one sent.
        DateTimeOffset? lastModified = lastModifiedUtc is { } utc
            ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond))
            : null;
        if (lastModified is { } modified)
        {
            headers.LastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        }

        return NotModified(http.Request, etag, lastModified);
    }

    private static bool NotModified(HttpRequest request, string etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch is { Count: > 0 })
        {
            // RFC 9110: If-None-Match wins over If-Modified-Since, and compares weakly.
            var current = EntityTagHeaderValue.Parse(etag);
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
        }

        return lastModified is { } modified
            && request.GetTypedHeaders().IfModifiedSince is { } since
            && modified <= since;
    }
}
