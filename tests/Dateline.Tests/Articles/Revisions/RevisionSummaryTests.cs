using Dateline.Features.Articles;
using Dateline.Features.Articles.Revisions;

namespace Dateline.Tests.Articles.Revisions;

public sealed class RevisionSummaryTests
{
    private static readonly DateTime Nine = new(2030, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private static readonly ArticleSnapshot Draft = new()
    {
        Headline = "Headline",
        Slug = "headline",
        BodyMarkdown = "Body.",
        Authors = [new SnapshotName("A. Writer", "a-writer")],
        Status = ArticleStatus.Draft,
    };

    [Theory]
    [InlineData(ArticleStatus.Draft, "Created as a draft")]
    [InlineData(ArticleStatus.Published, "Created and published")]
    [InlineData(ArticleStatus.Scheduled, "Created, scheduled for 2030-01-01T09:00:00Z")]
    public void ACreationSaysHowTheArticleStarted(ArticleStatus status, string expected) =>
        Assert.Equal(expected, RevisionSummary.Describe(null, Draft with { Status = status, PublishedAt = Nine }, null));

    [Fact]
    public void AnEditNamesTheFieldsItChanged() =>
        Assert.Equal("Changed headline, dek and body", RevisionSummary.Describe(Draft, Draft with { Headline = "New", Dek = "A dek", BodyMarkdown = "New body." }, null));

    [Fact]
    public void PublicationChangesComeFirst()
    {
        var scheduled = Draft with { Status = ArticleStatus.Scheduled, PublishedAt = Nine };
        Assert.Equal("Published; changed headline", RevisionSummary.Describe(Draft, Draft with { Status = ArticleStatus.Published, PublishedAt = Nine, Headline = "New" }, null));
        Assert.Equal("Scheduled for 2030-01-01T09:00:00Z", RevisionSummary.Describe(Draft, scheduled, null));
        Assert.Equal("Rescheduled for 2030-01-01T10:00:00Z", RevisionSummary.Describe(scheduled, scheduled with { PublishedAt = Nine.AddHours(1) }, null));
        Assert.Equal("Published as scheduled", RevisionSummary.Describe(scheduled, scheduled with { Status = ArticleStatus.Published }, null));
        Assert.Equal("Unpublished (back to draft)", RevisionSummary.Describe(scheduled with { Status = ArticleStatus.Published }, scheduled with { Status = ArticleStatus.Draft }, null));
    }

    [Fact]
    public void ARestoreSaysWhichRevisionItBroughtBack() =>
        Assert.Equal("Restored revision 3; changed body", RevisionSummary.Describe(Draft, Draft with { BodyMarkdown = "Old body." }, 3));

    [Fact]
    public void AVeryLongSummaryIsCutToItsColumn()
    {
        var summary = RevisionSummary.Describe(Draft, Draft with { Status = ArticleStatus.Scheduled, PublishedAt = Nine }, int.MaxValue);
        Assert.True(summary.Length <= RevisionSummary.MaxLength);
    }
}
