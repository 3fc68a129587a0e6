namespace Dateline.Features.Media;

/// <summary>One stored copy of a media item, at one width.</summary>
public sealed class MediaVariant
{
    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Path under the data folder's media/ ("2026/11/3f…-960.jpg"), served at /media/.</summary>
    public required string Path { get; set; }

    public string Url => MediaUrls.Of(Path);
}
