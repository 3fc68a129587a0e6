using System.Globalization;
using SkiaSharp;

namespace Dateline.Features.Media;

/// <summary>
/// Checks and re-encodes uploaded images with SkiaSharp. Only decoded pixels are written back,
/// so EXIF (with any GPS position), XMP and comments are gone from every stored copy; the EXIF
/// orientation is applied to the pixels first, so that nothing looks turned once it is dropped.
/// JPEG stays JPEG, PNG stays PNG and WebP stays WebP; a GIF keeps only its first frame, stored
/// as PNG, since the library serves still photos.
/// </summary>
public sealed class ImageProcessor : IDisposable
{
    // One decode at a time per two cores: a 50-megapixel image holds 200 MB while it is worked on.
    private readonly SemaphoreSlim gate = new(Math.Max(1, Environment.ProcessorCount / 2));

    public async Task<ImageProcessing> ProcessAsync(byte[] content, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            return Process(content);
        }
        finally
        {
            gate.Release();
        }
    }

    public static ImageProcessing Process(ReadOnlySpan<byte> content)
    {
        if (ImageSniffer.Sniff(content) is not { } format)
        {
            var looksLike = ImageSniffer.Describe(content) is { } what ? $" (it looks like {what})" : "";
            return ImageProcessing.Refused(ImageRefusalKind.NotAnImage,
                $"Only JPEG, PNG, WebP and GIF images are accepted, and this file's content is not one of them{looksLike}, whatever its name says.");
        }

        using var data = SKData.CreateCopy(content);
        // Creating a codec reads the header only: the size is known before any pixel is decoded.
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != Skia(format) || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return Unreadable(format);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > MediaLimits.MaxSide || height > MediaLimits.MaxSide || (long)width * height > MediaLimits.MaxPixels)
        {
            return ImageProcessing.Refused(ImageRefusalKind.TooManyPixels, string.Create(CultureInfo.InvariantCulture,
                $"The image is {width:N0} × {height:N0} pixels; at most {MediaLimits.MaxSide:N0} pixels a side and {MediaLimits.MaxPixels / 1_000_000} megapixels in all are accepted."));
        }

        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(info))
        {
            return ImageProcessing.Refused(ImageRefusalKind.TooManyPixels, "The image is too large to process on this server just now.");
        }

        // A truncated file decodes "incompletely" with grey filling the rest: refuse it rather than store that.
        if (codec.GetPixels(info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return Unreadable(format);
        }

        using var oriented = ImageOrientation.Apply(decoded, codec.EncodedOrigin);
        var output = format == UploadFormat.Gif ? UploadFormat.Png : format;
        var copies = new List<EncodedImage>();
        foreach (var variantWidth in MediaLimits.VariantWidths.Where(w => w < oriented.Width))
        {
            var variantHeight = Math.Max(1, (int)Math.Round((double)oriented.Height * variantWidth / oriented.Width));
            using var resized = oriented.Resize(oriented.Info.WithSize(variantWidth, variantHeight), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
                ?? throw new InvalidOperationException($"Could not resize an image to {variantWidth} × {variantHeight}.");
            copies.Add(new EncodedImage(variantWidth, variantHeight, Encode(resized, output)));
        }

        copies.Add(new EncodedImage(oriented.Width, oriented.Height, Encode(oriented, output)));
        return new ImageProcessing(new ProcessedImage(ContentType(output), Extension(output), oriented.Width, oriented.Height, copies), null);
    }

    public void Dispose() => gate.Dispose();

    private static ImageProcessing Unreadable(UploadFormat format) => ImageProcessing.Refused(ImageRefusalKind.Unreadable,
        $"The file starts like a {Name(format)} image but could not be read as one: it is damaged or incomplete.");

    private static byte[] Encode(SKBitmap bitmap, UploadFormat format)
    {
        using var pixels = bitmap.PeekPixels();
        using var encoded = format switch
        {
            UploadFormat.Jpeg => pixels.Encode(new SKJpegEncoderOptions(MediaLimits.JpegQuality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
            UploadFormat.WebP => pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, MediaLimits.WebpQuality)),
            _ => pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)),
        };
        return encoded?.ToArray() ?? throw new InvalidOperationException($"SkiaSharp could not encode a {Name(format)} image.");
    }

    private static SKEncodedImageFormat Skia(UploadFormat format) => format switch
    {
        UploadFormat.Jpeg => SKEncodedImageFormat.Jpeg,
        UploadFormat.Png => SKEncodedImageFormat.Png,
        UploadFormat.WebP => SKEncodedImageFormat.Webp,
        _ => SKEncodedImageFormat.Gif,
    };

    private static string Name(UploadFormat format) => format switch
    {
        UploadFormat.Jpeg => "JPEG",
        UploadFormat.Png => "PNG",
        UploadFormat.WebP => "WebP",
        _ => "GIF",
    };

    public static string ContentType(UploadFormat format) => format switch
    {
        UploadFormat.Jpeg => "image/jpeg",
        UploadFormat.Png => "image/png",
        UploadFormat.WebP => "image/webp",
        _ => "image/gif",
    };

    private static string Extension(UploadFormat format) => format switch
    {
        UploadFormat.Jpeg => "jpg",
        UploadFormat.Png => "png",
        UploadFormat.WebP => "webp",
        _ => "gif",
    };
}
