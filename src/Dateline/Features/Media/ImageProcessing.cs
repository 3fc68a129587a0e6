namespace Dateline.Features.Media;

/// <summary>What image processing made of an upload: the copies to store, or why there are none.</summary>
public sealed record ImageProcessing(ProcessedImage? Image, ImageRefusal? Refusal)
{
    public static ImageProcessing Refused(ImageRefusalKind kind, string message) => new(null, new ImageRefusal(kind, message));
}
