using System.ComponentModel.DataAnnotations;

namespace Dateline.Features.Media;

/// <summary>The media library (Dateline:Media).</summary>
public sealed class MediaOptions
{
    public const string Section = "Dateline:Media";

    /// <summary>Largest upload accepted, in bytes. An upload is held in memory while it is checked, hence the ceiling.</summary>
    [Range(1024, 200 * 1024 * 1024)]
    public int MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
}
