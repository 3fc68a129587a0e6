namespace Dateline.Features.Comments;

public static class CommentRequestContext
{
    /// <summary>The poster's address and browser from the request (behind a proxy, configure forwarded headers).</summary>
    public static CommentContext From(HttpContext http, string? commenterKeyHash)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new CommentContext(
            http.Connection.RemoteIpAddress?.ToString(),
            http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null,
            commenterKeyHash)
        {
            BaseUrl = http.RequestServices.GetRequiredService<Web.SiteUrls>().BaseUrl(http.Request),
        };
    }
}
