namespace Dateline.Features.Feeds;

public enum FeedFormat
{
    Rss,
    Atom,
    Json,
}
