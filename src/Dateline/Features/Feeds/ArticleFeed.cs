namespace Dateline.Features.Feeds;

/// <summary>A feed of articles ready to write in any of the three formats.</summary>
public sealed record ArticleFeed(FeedChannel Channel, IReadOnlyList<FeedEntry> Entries, string BaseUrl, bool FullContent)
{
    public string Url(FeedEntry entry) => BaseUrl + entry.Path;

    public string Absolute(string pathOrUrl) =>
        pathOrUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || pathOrUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? pathOrUrl
            : BaseUrl + pathOrUrl;

    public string AuthorUrl(string slug) => $"{BaseUrl}/authors/{Uri.EscapeDataString(slug)}/";

    public string TopicUrl(string slug) => $"{BaseUrl}/topics/{Uri.EscapeDataString(slug)}/";
}
