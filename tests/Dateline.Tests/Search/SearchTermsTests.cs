using Dateline.Features.Search;

namespace Dateline.Tests.Search;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("Council budget", "\"council\"* \"budget\"*", "council:* & budget:*")]
    [InlineData("\"city hall\" vote", "\"city hall\" \"vote\"*", "(city <-> hall) & vote:*")]
    [InlineData("a", "\"a\"", "a")]
    [InlineData("NEAR(x y) AND -z", "\"near\"* \"x\" \"y\" \"and\"* \"z\"", "near:* & x & y & and:* & z")]
    [InlineData("'; DROP TABLE x; --", "\"drop\"* \"table\"* \"x\"", "drop:* & table:* & x")]
    [InlineData("<script>alert(1)</script>", "\"alert\"* \"1\"", "alert:* & 1")]
    [InlineData("Zürich café", "\"zürich\"* \"café\"*", "zürich:* & café:*")]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"", "(unclosed <-> phrase)")]
    public void QueriesBecomeSafeSyntaxForBothDatabases(string input, string fts5, string tsquery)
    {
        var terms = SearchTerms.Parse(input);
        Assert.Equal(fts5, terms.ToFts5(any: false));
        Assert.Equal(tsquery, terms.ToTsQuery(any: false));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" ** ()")]
    [InlineData("<b></b>")]
    public void NothingSearchableIsEmpty(string input) => Assert.True(SearchTerms.Parse(input).IsEmpty);

    [Fact]
    public void AnyWordJoinsWithOrAndDropsPrefixes()
    {
        var terms = SearchTerms.Parse("glacier retreat");
        Assert.Equal("\"glacier\" OR \"retreat\"", terms.ToFts5(any: true));
        Assert.Equal("glacier | retreat", terms.ToTsQuery(any: true));
    }

    [Fact]
    public void LongInputIsCutToTermsOfBoundedSize()
    {
        var terms = SearchTerms.Parse(string.Join(' ', Enumerable.Repeat(new string('w', 500), 40)));
        Assert.Single(terms.Groups);
        Assert.Equal(SearchTerms.MaxTermLength, terms.Groups[0][0].Length);

        var many = SearchTerms.Parse(string.Join(' ', Enumerable.Range(0, 50).Select(i => "w" + i)));
        Assert.Equal(SearchTerms.MaxTerms, many.Groups.Count);
    }

    [Fact]
    public void MarkedTextSplitsIntoPartsAndStandInsAreRestored()
    {
        var marked = $"a {SearchText.MatchStart}b{SearchText.MatchEnd} {SearchText.LessThan}c>";
        var text = Highlighted.Parse(marked);
        Assert.Equal([new HighlightedPart("a ", false), new HighlightedPart("b", true), new HighlightedPart(" <c>", false)], text.Parts);
        Assert.True(text.HasMatch);
        Assert.Equal($"x {SearchText.LessThan}y> z", SearchText.Clean($"x <y>\n\n {SearchText.MatchStart}z"));
        Assert.Equal("One two & <three>", SearchText.Restore(SearchText.FromHtml("<p>One</p><p>two &amp; &lt;three&gt;</p>")));
    }

    [Fact]
    public void TextThatCannotBeNormalizedIsReadNotThrown()
    {
        Assert.True(SearchTerms.Parse("\uFFFE").IsEmpty);
        Assert.Equal("\"ab\"*", SearchTerms.Parse("ab\uD800").ToFts5(any: false));
        var cutInsideEmoji = new string('a', SearchTerms.MaxInput - 1) + "\U0001F980";
        Assert.Single(SearchTerms.Parse(cutInsideEmoji).Groups);
        Assert.Equal(SearchTerms.MaxInput - 1, SearchTerms.Cut(cutInsideEmoji, SearchTerms.MaxInput).Length);
    }

    [Fact]
    public void CombiningMarksAloneAreNoWord() =>
        Assert.Equal("\"council\"*", SearchTerms.Parse("council \u0903").ToFts5(any: false));
}
