namespace Dateline.Features.Media;

/// <summary>Where stored media files are served, and the srcset that offers them.</summary>
public static class MediaUrls
{
    public const string RequestPath = "/media";

    public static string Of(string path) => $"{RequestPath}/{path}";

    public static string SrcSet(IEnumerable<MediaVariant> variants) =>
        string.Join(", ", variants.OrderBy(v => v.Width).Select(v => $"{v.Url} {v.Width}w"));

    /// <summary>
    /// The copy for browsers that ignore srcset: the narrowest at least <paramref name="width"/>
    /// wide, or the widest there is.
    /// </summary>
    public static MediaVariant Fallback(IReadOnlyCollection<MediaVariant> variants, int width)
    {
        ArgumentNullException.ThrowIfNull(variants);
        return variants.Where(v => v.Width >= width).MinBy(v => v.Width)
            ?? variants.MaxBy(v => v.Width)
            ?? throw new ArgumentException("There are no variants to choose from.", nameof(variants));
    }
}
