namespace Dateline.Features.Media;

/// <summary>The image types an upload may be, as its content (not its name) shows.</summary>
public enum UploadFormat
{
    Jpeg,
    Png,
    WebP,
    Gif,
}
