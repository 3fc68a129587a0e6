namespace Dateline.Features.Import;

/// <summary>
/// A path an imported article answered at before ("/2014/03/05/ferry/", "/?p=123"): requests
/// for it are sent on to the article's address with a 301, so links from search engines,
/// other sites and readers' bookmarks keep working.
/// </summary>
public sealed class OldAddress
{
    public const int MaxPath = 1000;

    public int Id { get; set; }

    /// <summary>The path with its query, as <see cref="OldAddresses.Normalize"/> makes it.</summary>
    public required string Path { get; set; }

    public int ArticleId { get; set; }
}
