using Dateline.Features.Media;

namespace Dateline.Features.Articles;

public sealed class LeadImage
{
    // Empty until a photo is attached: a pasted story may bring its caption and credit first.
    public string? Url { get; set; }

    // Alt, caption and credit set here win; left empty, the media item's own are shown.
    public string? Alt { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>
    /// The media-library item the photo comes from, if any. Its full-size URL and size are copied
    /// into Url, Width and Height on save (its files never change), so readers of the article need
    /// not know about media; its variants give pages a srcset.
    /// </summary>
    public int? MediaId { get; set; }
    public MediaItem? Media { get; set; }
}
