using Dateline.Web;

namespace Dateline.Tests.Articles;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("https://example.org/a", true)]
    [InlineData("http://example.org", true)]
    [InlineData("/media/a.jpg", true)]
    [InlineData("//example.org/a", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("relative/path", false)]
    [InlineData("/\\evil.example/x.jpg", false)]
    [InlineData("/media/a b.jpg", false)]
    public void OnlyWebUrlsAndSitePathsAreAccepted(string url, bool accepted)
    {
        Assert.Equal(accepted, TextRules.IsWebUrl(url));
    }

    [Fact]
    public void EmojiArePairedSurrogatesAndAccepted()
    {
        var errors = new FieldErrors();
        Assert.Equal("Launch 🚀", TextRules.Check(" Launch 🚀 ", "headline", 100, errors));
        Assert.True(errors.IsEmpty);
    }
}
