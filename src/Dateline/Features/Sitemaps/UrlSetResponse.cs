using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dateline.Features.Feeds;

namespace Dateline.Features.Sitemaps;

/// <summary>
/// Sends a sitemap of up to 50,000 URLs without holding it: a first pass over the rows counts
/// them and hashes each URL with its last change, which gives the validators (a weak ETag, and
/// Last-Modified from the newest change) before anything is written; a 304 or a 404 for an empty
/// page ends there. Only then does a second pass stream the document to the response. Should the
/// data change between the passes, the ETag describes the older state, so the next conditional
/// request still gets the new document.
/// </summary>
public static class UrlSetResponse
{
    // Part of the ETag, so that a change to how the document is written can change it too.
    private const string Format = "urlset-1";

    public static async Task<IResult> SendAsync(HttpContext http, string baseUrl, TimeZoneInfo zone, Func<CancellationToken, IAsyncEnumerable<SitemapUrl>> read, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(read);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, $"{Format}\n{baseUrl}\n{zone.Id}\n");
        var count = 0;
        DateTime? newest = null;
        await foreach (var url in read(ct))
        {
            count++;
            Append(hash, string.Create(CultureInfo.InvariantCulture, $"{url.Path}\t{url.LastModifiedUtc?.Ticks}\n"));
            if (url.LastModifiedUtc is { } lastModified && (newest is null || lastModified > newest))
            {
                newest = lastModified;
            }
        }

        if (count == 0)
        {
            // An empty urlset is not a valid sitemap; a page past the last one does not exist.
            return TypedResults.NotFound();
        }

        if (FeedResponse.IsNotModified(http, FeedResponse.EntityTag(hash.GetHashAndReset(), weak: true), newest))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        // HEAD gets the headers alone, so nothing is read twice. They are sent before the handler
        // ends: a HEAD that ends unstarted is sent as "Content-Length: 0", which would be false.
        return HttpMethods.IsHead(http.Request.Method)
            ? TypedResults.Stream(_ => http.Response.StartAsync(ct), SitemapXml.ContentType)
            : TypedResults.Stream(body => SitemapXml.WriteUrlSetAsync(body, baseUrl, zone, read(ct), ct), SitemapXml.ContentType);
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
