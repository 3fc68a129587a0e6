namespace Dateline.Features.Media;

/// <summary>
/// An uploaded image, stored only as re-encoded copies (no original, so no metadata survives):
/// a full-size one and narrower variants for <c>srcset</c>. Its files never change; an edit
/// changes only the words about it.
/// </summary>
public sealed class MediaItem
{
    public int Id { get; set; }

    /// <summary>The uploader's file name, cleaned, for display only; stored files get random names.</summary>
    public required string FileName { get; set; }

    /// <summary>The stored copies' type, which may differ from the upload's (a GIF is stored as PNG).</summary>
    public required string ContentType { get; set; }

    public int Width { get; set; }
    public int Height { get; set; }

    /// <summary>Size of the full-size stored copy.</summary>
    public long ByteSize { get; set; }

    public string? Alt { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The principal that uploaded it ("user:…" or "key:…"), for "own item" permissions.</summary>
    public string? CreatedBy { get; set; }

    /// <summary>The random stem every file of this item shares ("2026/11/3f…"), under the data folder's media/.</summary>
    public required string StorageKey { get; set; }

    /// <summary>Where an imported file lived before ("https://site/wp-content/uploads/…"), so that a second import finds it.</summary>
    public string? OriginalUrl { get; set; }

    /// <summary>Every stored copy, narrowest first; the widest is the full-size one.</summary>
    public List<MediaVariant> Variants { get; set; } = [];

    public MediaVariant FullSize => Variants.MaxBy(v => v.Width)
        ?? throw new InvalidOperationException($"Media item {Id} has no stored copy.");
}
