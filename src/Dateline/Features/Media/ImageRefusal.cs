namespace Dateline.Features.Media;

public enum ImageRefusalKind
{
    /// <summary>The content is not a JPEG, PNG, WebP or GIF, whatever the name says.</summary>
    NotAnImage,

    /// <summary>It starts like an image but does not decode: damaged, truncated or not what it claims.</summary>
    Unreadable,

    /// <summary>Its header claims more pixels than we will decode.</summary>
    TooManyPixels,
}

/// <summary>Why an upload was not accepted, in words for the person uploading it.</summary>
public sealed record ImageRefusal(ImageRefusalKind Kind, string Message);
