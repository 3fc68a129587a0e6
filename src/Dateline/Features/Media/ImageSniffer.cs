namespace Dateline.Features.Media;

/// <summary>
/// Tells an upload's type from its first bytes. The file name and the browser's Content-Type are
/// the uploader's word, and a page of HTML or an SVG with script named photo.jpg must not pass.
/// </summary>
public static class ImageSniffer
{
    private static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static UploadFormat? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return UploadFormat.Jpeg;
        }

        if (content.StartsWith(Png))
        {
            return UploadFormat.Png;
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return UploadFormat.Gif;
        }

        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return UploadFormat.WebP;
        }

        return null;
    }

    /// <summary>What a refused file seems to be, to make the refusal clearer ("HTML, SVG or other markup").</summary>
    public static string? Describe(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        var start = 0;
        while (start < content.Length && content[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        content = content[start..];
        if (content.StartsWith("<"u8))
        {
            return "HTML, SVG or other markup";
        }

        if (content.StartsWith("%PDF"u8))
        {
            return "a PDF document";
        }

        if (content.StartsWith("BM"u8) || content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8))
        {
            return "a BMP or TIFF image";
        }

        return null;
    }
}
