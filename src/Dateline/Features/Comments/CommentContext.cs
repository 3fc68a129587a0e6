namespace Dateline.Features.Comments;

/// <summary>Who is posting, as the request tells: address, browser and the browser's commenter key.</summary>
public sealed record CommentContext(string? Ip, string? UserAgent, string? CommenterKeyHash, string? UserId = null)
{
    /// <summary>The site's public base URL, for links in notification mail.</summary>
    public string? BaseUrl { get; init; }
}
