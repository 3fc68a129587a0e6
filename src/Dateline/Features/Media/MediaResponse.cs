namespace Dateline.Features.Media;

/// <summary>A media item as the newsroom API answers it. URLs are paths on this site.</summary>
public sealed record MediaResponse(
    int Id,
    string FileName,
    string ContentType,
    int Width,
    int Height,
    long ByteSize,
    string? Alt,
    string? Caption,
    string? Credit,
    DateTime CreatedAt,
    string Url,
    string SrcSet,
    IReadOnlyList<MediaVariantResponse> Variants)
{
    public static MediaResponse From(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(
            item.Id,
            item.FileName,
            item.ContentType,
            item.Width,
            item.Height,
            item.ByteSize,
            item.Alt,
            item.Caption,
            item.Credit,
            item.CreatedAt,
            item.FullSize.Url,
            MediaUrls.SrcSet(item.Variants),
            [.. item.Variants.OrderBy(v => v.Width).Select(v => new MediaVariantResponse(v.Width, v.Height, v.Url))]);
    }
}

public sealed record MediaVariantResponse(int Width, int Height, string Url);
