using Dateline.Features.Media;

namespace Dateline.Tests.Media;

public sealed class MediaFileNameTests
{
    [Theory]
    [InlineData("holiday.jpg", "holiday.jpg")]
    [InlineData("C:\\Users\\ana\\Pictures\\flood.JPG", "flood.JPG")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("  two   spaces\t.png ", "two spaces .png")]
    [InlineData("bell\u0007and\u0000nul.gif", "bellandnul.gif")]
    [InlineData("photo\u202Egpj.exe", "photogpj.exe")]
    [InlineData("...", "image.jpg")]
    [InlineData("", "image.jpg")]
    [InlineData(null, "image.jpg")]
    public void NamesAreMadeSafeToShow(string? name, string expected) =>
        Assert.Equal(expected, MediaFileName.Clean(name, "jpg"));

    [Fact]
    public void BrokenUnicodeBecomesAReplacementCharacter()
    {
        // Built at run time: attribute arguments cannot carry a lone surrogate intact.
        var name = "half" + (char)0xD800 + "pair.png";
        Assert.Equal("half\uFFFDpair.png", MediaFileName.Clean(name, "png"));
    }

    [Fact]
    public void ALongNameIsShortenedButKeepsItsExtension()
    {
        var cleaned = MediaFileName.Clean(new string('a', 500) + ".jpeg", "jpg");
        Assert.Equal(MediaLimits.FileName, cleaned.Length);
        Assert.EndsWith("a.jpeg", cleaned, StringComparison.Ordinal);
    }
}
