namespace Dateline.Features.Feeds;

/// <summary>A lead image in a feed; its URL may be site-relative until the writer makes it absolute.</summary>
public sealed record FeedImage(string Url, string? Alt, string? Caption, string? Credit, int? Width, int? Height);
