using Dateline.Features.Sitemaps;

namespace Dateline.Tests.Sitemaps;

/// <summary>Google News takes ISO 639 codes, and "zh-cn" or "zh-tw" for Chinese.</summary>
public sealed class NewsLanguageTests
{
    [Theory]
    [InlineData("en", "en")]
    [InlineData("en-GB", "en")]
    [InlineData("EN-us", "en")]
    [InlineData("pt-BR", "pt")]
    [InlineData("fil", "fil")]
    [InlineData("yue-HK", "yue")]
    [InlineData("sr-Latn-RS", "sr")]
    [InlineData("zh", "zh-cn")]
    [InlineData("zh-CN", "zh-cn")]
    [InlineData("zh-Hans", "zh-cn")]
    [InlineData("zh-SG", "zh-cn")]
    [InlineData("zh-TW", "zh-tw")]
    [InlineData("zh-HK", "zh-tw")]
    [InlineData("zh-Hant", "zh-tw")]
    [InlineData("zh-Hant-CN", "zh-tw")]
    [InlineData("zh-Hans-HK", "zh-cn")]
    public void TheSiteLanguageBecomesGoogleNewsLanguageCode(string language, string expected) =>
        Assert.Equal(expected, NewsLanguage.Of(language));
}
