using Dateline.Features.Comments;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Dateline.Tests.Comments;

public sealed class CommentQueueFilterTests
{
    private static CommentQueueFilter Read(string query) => CommentQueueFilter.From(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Fact]
    public void AFilterSurvivesTheTripThroughItsOwnLinks()
    {
        var filter = Read("?status=spam&article=12&email=Someone%40Example.org&q=caf%C3%A9+%26+more&page=3");
        Assert.Equal(new CommentQueueFilter(CommentStatus.Spam, 12, "someone@example.org", "café & more", 3), filter);
        Assert.Equal(filter, Read(filter.Url()[filter.Url().IndexOf('?', StringComparison.Ordinal)..]));
        Assert.StartsWith("/newsroom/comments/?handler=moderate&status=spam&", filter.Url("moderate"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?status=pending&page=-4&article=x")]
    [InlineData("?status=HELD&page=99999999999&article=0&email=%20&q=%20%20")]
    public void NonsenseFallsBackToTheFirstPageOfHeldComments(string query)
    {
        var filter = Read(query);
        Assert.Equal(CommentStatus.Held, filter.Status);
        Assert.False(filter.IsNarrowed);
        Assert.Equal(1, filter.Page);
        Assert.Equal("/newsroom/comments/?status=held", filter.Url());
    }

    [Theory]
    [InlineData("links:3", "3 links")]
    [InlineData("hold-word:casino", "contains the hold word “casino”")]
    [InlineData("first-comment", "first comment from this address")]
    [InlineData("something-new", "something-new")]
    public void ReasonCodesReadAsWords(string code, string words) => Assert.Equal(words, CommentReasons.Describe(code));
}
