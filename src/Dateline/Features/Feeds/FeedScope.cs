namespace Dateline.Features.Feeds;

/// <summary>The archive a narrower feed follows: a topic's or an author's name and page.</summary>
public sealed record FeedScope(string Name, string Path);
