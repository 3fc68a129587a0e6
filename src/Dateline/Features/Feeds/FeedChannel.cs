namespace Dateline.Features.Feeds;

/// <summary>What a feed says about itself. <paramref name="Updated"/> is the newest item's time, in UTC.</summary>
public sealed record FeedChannel(
    string Title,
    string Link,
    string SelfUrl,
    string? Description,
    string Language,
    DateTime? Updated,
    TimeZoneInfo Zone);
