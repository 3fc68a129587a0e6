using Dateline.Features.Articles;
using Dateline.Features.Articles.Revisions;

namespace Dateline.Tests.Articles.Revisions;

public sealed class ArticleSnapshotTests
{
    [Fact]
    public void ASnapshotIsStoredAsCamelCaseJsonAndReadBackTheSame()
    {
        var snapshot = new ArticleSnapshot
        {
            Headline = "Xi Hosts Lukashenko",
            Slug = "xi-hosts-lukashenko",
            BodyMarkdown = "Body with \"quotes\" and 北京.",
            Authors = [new SnapshotName("Chris Buckley", "chris-buckley")],
            Credits = ["Joy Dong contributed reporting."],
            Image = new SnapshotImage("/media/p.jpg", "alt", null, "Ng Han Guan/AP", 1200, 800),
            Status = ArticleStatus.Scheduled,
            PublishedAt = new DateTime(2030, 1, 1, 9, 0, 0, DateTimeKind.Utc),
        };

        var json = ArticleSnapshotJson.Write(snapshot);
        Assert.Contains("\"status\":\"scheduled\"", json, StringComparison.Ordinal);
        Assert.Contains("\"publishedAt\":\"2030-01-01T09:00:00Z\"", json, StringComparison.Ordinal);
        var read = ArticleSnapshotJson.Read(json);
        Assert.True(read.SameAs(snapshot));
        Assert.Equal(DateTimeKind.Utc, read.PublishedAt!.Value.Kind);
        Assert.False(read.SameAs(snapshot with { Credits = [] }));
    }
}
