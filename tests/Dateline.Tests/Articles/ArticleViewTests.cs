using Dateline.Features.Articles;

namespace Dateline.Tests.Articles;

public sealed class ArticleViewTests
{
    private static ArticleView Scheduled(DateTime at) => new(
        1, "H", "h", null, null, "", "", [], [], null, [], null, ArticleStatus.Scheduled, at, DateOnly.FromDateTime(at),
        at, at, [], true, 0, null, null, Guid.NewGuid());

    [Fact]
    public void AScheduledArticleReadsAsPublishedOnceItsTimeHasCome()
    {
        var at = new DateTime(2030, 1, 1, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(ArticleStatus.Scheduled, Scheduled(at).StatusAt(at.AddMinutes(-1)));
        Assert.Equal(ArticleStatus.Published, Scheduled(at).StatusAt(at));
    }

    [Fact]
    public void IsoTimesIgnoreTheServersCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("th-TH");
            Assert.Equal("2026-11-29T02:20:12Z", SiteClock.Iso(new DateTime(2026, 11, 29, 2, 20, 12, DateTimeKind.Utc)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
