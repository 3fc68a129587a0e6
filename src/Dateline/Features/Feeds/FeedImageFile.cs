using Dateline.Features.Media;

namespace Dateline.Features.Feeds;

/// <summary>
/// The stored bytes behind a feed image's URL: what RSS's enclosure requires (a length and a
/// type) and Atom's enclosure link may carry. Known only for a media-library image served at full
/// size, the one copy whose byte length the library records; never for an image elsewhere.
/// </summary>
public sealed record FeedImageFile(string Type, long Length)
{
    /// <param name="url">The image URL the feed gives, which must be the item's full-size copy's for its length to apply.</param>
    public static FeedImageFile? Of(string url, string contentType, long byteSize, IReadOnlyList<MediaVariant>? variants) =>
        byteSize > 0 && variants?.MaxBy(v => v.Width) is { } fullSize && fullSize.Url == url
            ? new FeedImageFile(contentType, byteSize)
            : null;
}
