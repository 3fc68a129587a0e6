using Dateline.Features.Media;
using Dateline.TestSupport;

namespace Dateline.Tests.Media;

public sealed class ImageSnifferTests
{
    [Fact]
    public void EachAcceptedTypeIsKnownByItsFirstBytes()
    {
        Assert.Equal(UploadFormat.Jpeg, ImageSniffer.Sniff(TestImages.Jpeg(20, 10)));
        Assert.Equal(UploadFormat.Png, ImageSniffer.Sniff(TestImages.Png(20, 10)));
        Assert.Equal(UploadFormat.WebP, ImageSniffer.Sniff(TestImages.WebP(20, 10)));
        Assert.Equal(UploadFormat.Gif, ImageSniffer.Sniff(TestImages.Gif(20, 10, SkiaSharp.SKColors.Red)));
    }

    [Fact]
    public void MarkupTextAndEmptyFilesAreNoImage()
    {
        Assert.Null(ImageSniffer.Sniff(TestImages.Html));
        Assert.Null(ImageSniffer.Sniff(TestImages.Svg));
        Assert.Null(ImageSniffer.Sniff("Just some words in a file called photo.jpg"u8));
        Assert.Null(ImageSniffer.Sniff([]));
        Assert.Null(ImageSniffer.Sniff([0xFF, 0xD8]));
        Assert.Null(ImageSniffer.Sniff("RIFF\0\0\0\0WAVEfmt "u8));
    }

    [Fact]
    public void MarkupIsNamedInTheRefusal()
    {
        Assert.Equal("HTML, SVG or other markup", ImageSniffer.Describe(TestImages.Svg));
        Assert.Equal("HTML, SVG or other markup", ImageSniffer.Describe([0xEF, 0xBB, 0xBF, .. "\n  <html>"u8]));
        Assert.Null(ImageSniffer.Describe("plain words"u8));
    }
}
