using Dateline.Features.Articles;
using Dateline.Web;

namespace Dateline.Tests.Articles;

public sealed class ArticleValidatorTests
{
    private static FieldErrors Validate(ArticleInput input, bool creating = true)
    {
        var errors = new FieldErrors();
        ArticleValidator.Validate(input, creating, errors);
        return errors;
    }

    [Fact]
    public void HeadlineIsRequiredWhenCreating()
    {
        Assert.True(Validate(new ArticleInput()).Has("headline"));
        Assert.False(Validate(new ArticleInput(), creating: false).Has("headline"));
    }

    [Fact]
    public void TextIsTrimmedInPlace()
    {
        var input = new ArticleInput { Headline = "  Spaced  ", Dek = "  dek ", Credits = new List<string> { " A contributed reporting. " } };
        Assert.True(Validate(input).IsEmpty);
        Assert.Equal("Spaced", input.Headline.Value);
        Assert.Equal("dek", input.Dek.Value);
        Assert.Equal("A contributed reporting.", input.Credits.Value[0]);
    }

    [Fact]
    public void DuplicateAuthorsAreMergedAndBlankNamesRefused()
    {
        var input = new ArticleInput { Headline = "H", Authors = new List<NameInput> { new("Ann Lee"), new("ann lee"), new("  ") } };
        var errors = Validate(input);
        Assert.True(errors.Has("authors[2].name"));
        Assert.Single(input.Authors.Value);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/x.jpg")]
    [InlineData("ftp://example.org/x.jpg")]
    public void ImageUrlsMustBeWebUrls(string url)
    {
        var errors = Validate(new ArticleInput { Headline = "H", Image = new ImageInput(url, null, null, null, null, null) });
        Assert.True(errors.Has("image.url"));
    }

    [Fact]
    public void ControlCharactersAndLoneSurrogatesAreRefusedButBodyMayHaveLines()
    {
        Assert.True(Validate(new ArticleInput { Headline = "Bell\u0007" }).Has("headline"));
        Assert.True(Validate(new ArticleInput { Headline = "Half \ud800 pair" }).Has("headline"));
        Assert.True(Validate(new ArticleInput { Headline = "Two\nlines" }).Has("headline"));
        Assert.True(Validate(new ArticleInput { Headline = "H", BodyMarkdown = "One\n\nTwo\tthree" }).IsEmpty);
    }

    [Fact]
    public void LimitsAreEnforced()
    {
        var errors = Validate(new ArticleInput
        {
            Headline = new string('h', ArticleLimits.Headline + 1),
            Credits = Enumerable.Repeat("X contributed reporting.", ArticleLimits.CreditLines + 1).ToList(),
        });
        Assert.True(errors.Has("headline"));
        Assert.True(errors.Has("credits"));
    }
}
