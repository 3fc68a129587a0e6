namespace Dateline.Features.Feeds;

/// <summary>
/// A lead image in a feed; its URL may be site-relative until the writer makes it absolute.
/// <paramref name="File"/> is its stored length and type, when the site knows them.
/// </summary>
public sealed record FeedImage(string Url, string? Alt, string? Caption, string? Credit, int? Width, int? Height, FeedImageFile? File = null);
