using Dateline.Features.Media;

namespace Dateline.Features.Articles;

/// <summary>
/// An article's lead image as readers get it: alt text, caption and credit are the article's own,
/// or else its media item's; a media item also brings resized copies for srcset.
/// </summary>
public sealed record LeadImageView(
    string? Url,
    string? Alt,
    string? Caption,
    string? Credit,
    int? Width,
    int? Height,
    int? MediaId,
    IReadOnlyList<MediaVariant>? Variants)
{
    /// <summary>"url 480w, url 960w, …", or null when there is only the one file.</summary>
    public string? SrcSet => Variants is { Count: > 1 } ? MediaUrls.SrcSet(Variants) : null;

    /// <summary>The file for an img's src: with resized copies, the one nearest <paramref name="width"/>; else the image's URL.</summary>
    public string? Src(int width) => Variants is { Count: > 0 } ? MediaUrls.Fallback(Variants, width).Url : Url;
}
