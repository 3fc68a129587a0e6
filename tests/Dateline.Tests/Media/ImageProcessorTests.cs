using System.Diagnostics;
using Dateline.Features.Media;
using Dateline.TestSupport;
using SkiaSharp;

namespace Dateline.Tests.Media;

public sealed class ImageProcessorTests
{
    private static ProcessedImage Accept(byte[] content)
    {
        var result = ImageProcessor.Process(content);
        Assert.True(result.Image is not null, result.Refusal?.Message);
        return result.Image!;
    }

    private static ImageRefusal Refuse(byte[] content)
    {
        var result = ImageProcessor.Process(content);
        Assert.Null(result.Image);
        return result.Refusal!;
    }

    private static SKColor ColourAt(byte[] encoded, float x, float y)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel((int)(x * (bitmap.Width - 1)), (int)(y * (bitmap.Height - 1)));
    }

    private static bool Near(SKColor expected, SKColor actual) =>
        Math.Abs(expected.Red - actual.Red) < 40 && Math.Abs(expected.Green - actual.Green) < 40 && Math.Abs(expected.Blue - actual.Blue) < 40;

    [Fact]
    public void ExifWithAGpsPositionIsGoneFromEveryStoredCopy()
    {
        var upload = TestImages.JpegWithExif(2000, 1000, orientation: 1);
        // The upload really carries EXIF and the position, so the assertions below can fail.
        Assert.Contains((byte)0xE1, TestImages.JpegMarkers(upload));
        Assert.True(upload.AsSpan().IndexOf(TestImages.GpsLatitudeBytes) > 0);

        var image = Accept(upload);
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.Equal(4, image.Copies.Count);
        foreach (var copy in image.Copies)
        {
            Assert.Equal([0xFF, 0xD8, 0xFF], copy.Bytes[..3]);
            Assert.DoesNotContain((byte)0xE1, TestImages.JpegMarkers(copy.Bytes));
            Assert.Equal(-1, copy.Bytes.AsSpan().IndexOf("Exif\0\0"u8));
            Assert.Equal(-1, copy.Bytes.AsSpan().IndexOf(TestImages.GpsLatitudeBytes));
        }
    }

    [Theory]
    [InlineData(1, false, "TL", "TR")]
    [InlineData(2, false, "TR", "TL")]
    [InlineData(3, false, "BR", "BL")]
    [InlineData(4, false, "BL", "BR")]
    [InlineData(5, true, "TL", "BL")]
    [InlineData(6, true, "TR", "BR")]
    [InlineData(7, true, "BR", "TR")]
    [InlineData(8, true, "BL", "TL")]
    public void TheExifOrientationIsAppliedToThePixels(ushort orientation, bool turned, string red, string green)
    {
        var image = Accept(TestImages.JpegWithExif(400, 200, orientation));
        var full = image.Copies[^1];
        Assert.Equal(turned ? (200, 400) : (400, 200), (image.Width, image.Height));
        Assert.Equal((image.Width, image.Height), (full.Width, full.Height));
        (float X, float Y) Corner(string name) => (name[1] == 'L' ? 0.02f : 0.98f, name[0] == 'T' ? 0.02f : 0.98f);
        var (rx, ry) = Corner(red);
        var (gx, gy) = Corner(green);
        Assert.True(Near(TestImages.TopLeftColour, ColourAt(full.Bytes, rx, ry)), $"red should be at {red}");
        Assert.True(Near(TestImages.TopRightColour, ColourAt(full.Bytes, gx, gy)), $"green should be at {green}");
    }

    [Fact]
    public void VariantsAreMadeOnlyNarrowerThanTheImageAndTheFullSizeIsKept()
    {
        var image = Accept(TestImages.Jpeg(2000, 1000));
        Assert.Equal([(480, 240), (960, 480), (1600, 800), (2000, 1000)], image.Copies.Select(c => (c.Width, c.Height)));
        foreach (var copy in image.Copies)
        {
            using var decoded = SKBitmap.Decode(copy.Bytes);
            Assert.Equal((copy.Width, copy.Height), (decoded.Width, decoded.Height));
        }

        Assert.Equal([(960, 720), (1000, 750)], Accept(TestImages.Jpeg(1000, 750)).Copies.Select(c => (c.Width, c.Height)).Skip(1));
        Assert.Equal([(300, 200)], Accept(TestImages.Png(300, 200)).Copies.Select(c => (c.Width, c.Height)));
    }

    [Fact]
    public void PngAndWebPKeepTheirFormatAndPngKeepsTransparency()
    {
        var png = Accept(TestImages.Png(600, 400, transparent: true));
        Assert.Equal(("image/png", "png"), (png.ContentType, png.Extension));
        Assert.Equal(UploadFormat.Png, ImageSniffer.Sniff(png.Copies[0].Bytes));
        Assert.Equal(0, ColourAt(png.Copies[^1].Bytes, 0.5f, 0.99f).Alpha);

        var webp = Accept(TestImages.WebP(600, 400));
        Assert.Equal(("image/webp", "webp"), (webp.ContentType, webp.Extension));
        Assert.All(webp.Copies, c => Assert.Equal(UploadFormat.WebP, ImageSniffer.Sniff(c.Bytes)));
    }

    [Fact]
    public void AnAnimatedGifIsStoredAsItsFirstFrameInPng()
    {
        var gif = TestImages.Gif(64, 48, SKColors.Red, SKColors.Blue);
        var image = Accept(gif);
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal((64, 48), (image.Width, image.Height));
        Assert.Equal(UploadFormat.Png, ImageSniffer.Sniff(image.Copies[0].Bytes));
        Assert.Equal(SKColors.Red, ColourAt(image.Copies[0].Bytes, 0.5f, 0.5f));
    }

    [Theory]
    [InlineData(30_000, 100)]
    [InlineData(100, 20_001)]
    [InlineData(8_000, 8_000)]
    public void AHeaderClaimingTooManyPixelsIsRefusedBeforeDecoding(int width, int height)
    {
        var bomb = TestImages.PngBomb(width, height);
        Assert.True(bomb.Length < 2_000);
        var clock = Stopwatch.StartNew();
        var refusal = Refuse(bomb);
        Assert.Equal(ImageRefusalKind.TooManyPixels, refusal.Kind);
        Assert.Contains($"{width:N0} × {height:N0} pixels", refusal.Message, StringComparison.Ordinal);
        // Decoding 64 megapixels would take far longer than reading a header.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ATruncatedJpegIsRefusedAsDamaged()
    {
        var refusal = Refuse(TestImages.TruncatedJpeg());
        Assert.Equal(ImageRefusalKind.Unreadable, refusal.Kind);
        Assert.Contains("damaged or incomplete", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AJpegStartFollowedByRubbishIsRefusedAsDamaged()
    {
        byte[] fake = [0xFF, 0xD8, 0xFF, 0xE0, .. "this is not really a photo at all, only words"u8];
        Assert.Equal(ImageRefusalKind.Unreadable, Refuse(fake).Kind);
    }

    [Fact]
    public void HtmlAndSvgAreRefusedWhateverTheyAreCalled()
    {
        foreach (var markup in new[] { TestImages.Html, TestImages.Svg })
        {
            var refusal = Refuse(markup);
            Assert.Equal(ImageRefusalKind.NotAnImage, refusal.Kind);
            Assert.Contains("JPEG, PNG, WebP and GIF", refusal.Message, StringComparison.Ordinal);
            Assert.Contains("markup", refusal.Message, StringComparison.Ordinal);
        }
    }
}
