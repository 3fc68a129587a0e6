using Dateline.Features.Articles;
using Dateline.Features.Articles.Revisions;

namespace Dateline.Tests.Articles.Revisions;

public sealed class RevisionDifferTests
{
    private static readonly ArticleSnapshot Draft = new()
    {
        Headline = "Xi Hosts Lukashenko in Beijing",
        Slug = "xi-hosts-lukashenko-in-beijing",
        Dek = "Belarus's leader arrives in Beijing.",
        BodyMarkdown = "BEIJING — The visit comes days after a position paper.\n\nIt is the second paragraph.\n\nThe end.",
        Authors = [new SnapshotName("Chris Buckley", "chris-buckley")],
        Topics = [new SnapshotName("China", "china")],
        CommentsOpen = true,
        Status = ArticleStatus.Draft,
    };

    private static string Old(IEnumerable<DiffSpan> spans) => string.Concat(spans.Where(s => s.Change != DiffChange.Inserted).Select(s => s.Text));

    private static string New(IEnumerable<DiffSpan> spans) => string.Concat(spans.Where(s => s.Change != DiffChange.Deleted).Select(s => s.Text));

    [Fact]
    public void WordSpansMarkOnlyTheChangedWordAndSpellBothTexts()
    {
        var spans = RevisionDiffer.Words("The minister resigned on Tuesday, aides said.", "The minister resigned on Wednesday, aides said.");
        Assert.Equal(
            [
                new DiffSpan(DiffChange.Unchanged, "The minister resigned on "),
                new DiffSpan(DiffChange.Deleted, "Tuesday"),
                new DiffSpan(DiffChange.Inserted, "Wednesday"),
                new DiffSpan(DiffChange.Unchanged, ", aides said."),
            ],
            spans);
    }

    [Theory]
    [InlineData("", "A new headline")]
    [InlineData("An old headline", "")]
    [InlineData("one two three", "three two one")]
    [InlineData("Café, naïve — 北京欢迎你", "Café, naive — 北京欢迎您!")]
    [InlineData("  spaced  out\ttext ", "spaced out text")]
    public void WordSpansAlwaysSpellTheOldAndTheNewText(string from, string to)
    {
        var spans = RevisionDiffer.Words(from, to);
        Assert.Equal(from, Old(spans));
        Assert.Equal(to, New(spans));
        Assert.DoesNotContain(spans, s => s.Text.Length == 0);
    }

    [Fact]
    public void TheBodyIsComparedLineByLineWithTheChangedWordsInsideAModifiedLine()
    {
        var lines = RevisionDiffer.Body(
            "First paragraph.\n\nThe vote was on Tuesday.\n\nA paragraph that goes.",
            "First paragraph.\n\nThe vote was on Wednesday.\n\nA paragraph that arrives.\n\nAnd one more.");

        Assert.Equal(DiffChange.Unchanged, lines[0].Change);
        Assert.Equal((1, 1), (lines[0].OldLine, lines[0].NewLine));
        var vote = Assert.Single(lines, l => l.Change == DiffChange.Modified && Old(l.Spans).Contains("vote", StringComparison.Ordinal));
        Assert.Equal((3, 3), (vote.OldLine, vote.NewLine));
        Assert.Contains(new DiffSpan(DiffChange.Deleted, "Tuesday"), vote.Spans);
        Assert.Contains(new DiffSpan(DiffChange.Inserted, "Wednesday"), vote.Spans);
        Assert.Equal("The vote was on Tuesday.", Old(vote.Spans));
        Assert.Equal("The vote was on Wednesday.", New(vote.Spans));

        // Every line of the new body appears once, in order, and every old line too.
        Assert.Equal(
            ["First paragraph.", "", "The vote was on Wednesday.", "", "A paragraph that arrives.", "", "And one more."],
            lines.Where(l => l.Change != DiffChange.Deleted).Select(l => New(l.Spans)));
        Assert.Equal(
            ["First paragraph.", "", "The vote was on Tuesday.", "", "A paragraph that goes."],
            lines.Where(l => l.Change != DiffChange.Inserted).Select(l => Old(l.Spans)));
        Assert.Contains(lines, l => l is { Change: DiffChange.Inserted, OldLine: null, NewLine: 7 } && l.Spans.SequenceEqual([new DiffSpan(DiffChange.Inserted, "And one more.")]));
        Assert.Contains(lines, l => l is { Change: DiffChange.Deleted, OldLine: 5, NewLine: null } && Old(l.Spans) == "A paragraph that goes.");
    }

    [Fact]
    public void AnUnchangedBodyIsAllUnchangedLines()
    {
        var lines = RevisionDiffer.Body(Draft.BodyMarkdown, Draft.BodyMarkdown);
        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.Equal(DiffChange.Unchanged, l.Change));
    }

    [Fact]
    public void ABodyWrittenFromNothingIsAllInsertedAndOneDeletedIsAllDeleted()
    {
        Assert.All(RevisionDiffer.Body("", "One.\nTwo."), l => Assert.Equal(DiffChange.Inserted, l.Change));
        Assert.All(RevisionDiffer.Body("One.\nTwo.", ""), l => Assert.Equal(DiffChange.Deleted, l.Change));
    }

    [Fact]
    public void FieldsListOnlyWhatChangedWithLabelsAndBothTexts()
    {
        var edited = Draft with
        {
            Headline = "Xi Welcomes Lukashenko in Beijing",
            Authors = [new SnapshotName("Chris Buckley", "chris-buckley"), new SnapshotName("Keith Bradsher", "keith-bradsher")],
            Image = new SnapshotImage("/media/p.jpg", "Two leaders", null, "Ng Han Guan/AP", 1200, 800),
            Status = ArticleStatus.Published,
            PublishedAt = new DateTime(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc),
        };

        var fields = RevisionDiffer.Fields(Draft, edited);

        Assert.Equal(["headline", "authors", "image.url", "image.alt", "image.credit", "image.size", "status", "publishedAt"], fields.Select(f => f.Field));
        var headline = fields[0];
        Assert.Equal(("headline", "Xi Hosts Lukashenko in Beijing", "Xi Welcomes Lukashenko in Beijing"), (headline.Label, headline.Old, headline.New));
        Assert.Contains(new DiffSpan(DiffChange.Deleted, "Hosts"), headline.Spans);
        Assert.Contains(new DiffSpan(DiffChange.Inserted, "Welcomes"), headline.Spans);
        Assert.Equal("Chris Buckley\nKeith Bradsher", fields[1].New);
        Assert.Equal("1200 × 800", fields.Single(f => f.Field == "image.size").New);
        Assert.Equal(("draft", "published"), (fields.Single(f => f.Field == "status").Old, fields.Single(f => f.Field == "status").New));
        Assert.Equal("2026-11-29T09:00:00Z", fields.Single(f => f.Field == "publishedAt").New);
        Assert.Empty(RevisionDiffer.Fields(Draft, Draft with { Authors = [.. Draft.Authors] }));
    }

    [Fact]
    public void AgainstTheEmptyArticleEveryFieldIsNew()
    {
        var fields = RevisionDiffer.Fields(null, Draft);
        Assert.All(fields, f => Assert.Null(f.Old));
        Assert.Contains(fields, f => f.Field == "headline" && f.Spans.Single() == new DiffSpan(DiffChange.Inserted, Draft.Headline));
    }

    [Fact]
    public void TextStaysPlainForThePageToEncode()
    {
        var fields = RevisionDiffer.Fields(Draft, Draft with { Dek = "<script>alert(1)</script> & more" });
        Assert.Equal("<script>alert(1)</script> & more", New(fields.Single().Spans));
    }
}
