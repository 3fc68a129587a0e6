using Dateline.Features.Articles;

namespace Dateline.Tests.Articles;

public sealed class SlugGeneratorTests
{
    [Theory]
    [InlineData("Xi Hosts Lukashenko in Beijing", "xi-hosts-lukashenko-in-beijing")]
    [InlineData("Xi's Visit: What's Next?", "xis-visit-whats-next")]
    [InlineData("  Leading and trailing -- punctuation!!  ", "leading-and-trailing-punctuation")]
    [InlineData("Café déjà vu in Zürich", "cafe-deja-vu-in-zurich")]
    [InlineData("Straße, Ærø and Łódź", "strasse-aero-and-lodz")]
    [InlineData("Rock & Roll", "rock-and-roll")]
    [InlineData("Путин и Лукашенко встретились", "putin-i-lukashenko-vstretilis")]
    [InlineData("Київ готується до зими", "kyiv-hotuietsia-do-zymy")]
    [InlineData("Юлія Їжакевич", "yuliia-yizhakevych")]
    [InlineData("Αθήνα: νέα μέτρα", "athina-nea-metra")]
    [InlineData("東京オリンピック", "東京オリンピック")]
    [InlineData("2024 Election Results", "2024-election-results")]
    [InlineData("½ of the vote", "1-2-of-the-vote")]
    [InlineData("!!!", "")]
    public void HeadlinesBecomeReadableSlugs(string headline, string expected)
    {
        Assert.Equal(expected, SlugGenerator.Generate(headline));
    }

    [Fact]
    public void LongHeadlinesAreCutAtAWordBoundary()
    {
        var slug = SlugGenerator.Generate("The quick brown fox jumps over the lazy dog while the committee debates the budget for another long night");
        Assert.True(slug.Length <= SlugGenerator.MaxLength);
        Assert.Equal("the-quick-brown-fox-jumps-over-the-lazy-dog-while-the-committee-debates-the", slug);
    }

    [Fact]
    public void AHugeHeadlineStaysBounded()
    {
        var slug = SlugGenerator.Generate(string.Concat(Enumerable.Repeat("word ", 200_000)));
        Assert.InRange(slug.Length, 1, SlugGenerator.MaxLength);
    }

    [Theory]
    [InlineData("good-slug", true)]
    [InlineData("東京", true)]
    [InlineData("Bad-Slug", false)]
    [InlineData("double--dash", false)]
    [InlineData("-leading", false)]
    [InlineData("with space", false)]
    [InlineData("dots.in.it", false)]
    [InlineData("", false)]
    public void EditorChosenSlugsAreChecked(string slug, bool valid)
    {
        Assert.Equal(valid, SlugGenerator.IsValid(slug));
    }
}
