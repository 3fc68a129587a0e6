using System.Text;

namespace Dateline.Features.Import;

/// <summary>
/// The cleaned lines with what each one is, worked out once and cached: the parser looks
/// ahead and back repeatedly, and a 5 MB paste must still be read in linear time.
/// </summary>
/// <remarks>
/// Lines are judged in two modes. Above the story (front matter) a line may be a byline, a
/// "Reporting from" line or a publication time; inside the story such lines are prose once past
/// the top, and only there can a line be a contributor credit.
/// </remarks>
internal sealed class ClassifiedLines(List<SourceLine> lines)
{
    private readonly LineKind[] frontMatterKinds = new LineKind[lines.Count];
    private readonly LineKind[] bodyKinds = new LineKind[lines.Count];

    public int Count => lines.Count;

    /// <summary>Where the article stops: the first line of a trailing comment form or link list.</summary>
    public int End { get; set; } = lines.Count;

    /// <summary>
    /// Lines before this index are near enough to the top for a byline or a bare date to be the
    /// article's own even after the story seems to have begun (behind a dek too long to be one,
    /// or a byline without "By" that the parser cannot read).
    /// </summary>
    public int NearTop { get; set; }

    public string this[int index] => lines[index].Text;

    // The next unit that is not furniture; Unknown at the end of the article.
    public (LineKind Kind, int Start) NextKind(int i, bool frontMatter)
    {
        while (i < End && Classify(i, frontMatter) == LineKind.Furniture)
        {
            i++;
        }

        return i < End ? (Classify(i, frontMatter), i) : (LineKind.Unknown, i);
    }

    public TextUnit ReadUnit(int start, bool frontMatter)
    {
        var stop = UnitEnd(start, frontMatter);
        if (stop == start + 1)
        {
            return new TextUnit(Classify(start, frontMatter), start, stop, lines[start].Text);
        }

        // Hard-wrapped lines of one paragraph are joined with a space.
        var text = new StringBuilder(lines[start].Text);
        for (var i = start + 1; i < stop; i++)
        {
            text.Append(' ').Append(lines[i].Text);
        }

        return new TextUnit(LineKind.Text, start, stop, text.ToString());
    }

    // A paragraph runs until a blank line or a line that is something else in its own right.
    public int UnitEnd(int start, bool frontMatter)
    {
        var stop = start + 1;
        if (Classify(start, frontMatter) != LineKind.Text)
        {
            return stop;
        }

        while (stop < End && lines[stop].Paragraph == lines[start].Paragraph && Classify(stop, frontMatter) == LineKind.Text)
        {
            stop++;
        }

        return stop;
    }

    public LineKind Classify(int i, bool frontMatter)
    {
        var kinds = frontMatter ? frontMatterKinds : bodyKinds;
        if (kinds[i] == LineKind.Unknown)
        {
            var text = lines[i].Text;
            kinds[i] = PageFurniture.IsFurniture(text) ? LineKind.Furniture
                : PhotoCreditLine.TryParse(text, out _) ? LineKind.PhotoCredit
                : PhotoCreditLine.TrySplitCaption(text, out _, out _) ? LineKind.CaptionWithCredit
                : (frontMatter || i < NearTop) && BylineLine.TryParse(text, out _) ? LineKind.Byline
                : frontMatter && DatelinePlace.FromReportingLine(text) is not null ? LineKind.ReportingFrom
                : (frontMatter || i < NearTop) && TimestampLine.IsTimestamp(text) ? LineKind.Timestamp
                : !frontMatter && ContributorCreditLine.TryParse(text) is not null ? LineKind.ContributorCredit
                : LineKind.Text;
        }

        return kinds[i];
    }
}
