namespace Dateline.Features.Media;

/// <summary>Limits shared by the schema, validation and image processing.</summary>
public static class MediaLimits
{
    public const int FileName = 200;
    public const int ContentType = 50;
    public const int StorageKey = 100;

    /// <summary>Widths of the resized copies; only those narrower than the image are made.</summary>
    public static readonly IReadOnlyList<int> VariantWidths = [480, 960, 1600];

    // A decoded image takes 4 bytes a pixel: 50 megapixels is 200 MB of memory, so a small file
    // that claims more (a decompression bomb) is refused from its header, before decoding.
    public const int MaxSide = 20_000;
    public const long MaxPixels = 50_000_000;

    public const int JpegQuality = 85;
    public const int WebpQuality = 82;
}
