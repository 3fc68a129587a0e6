namespace Dateline.Features.Import;

/// <summary>
/// One pass over the cleaned lines: headline, then the block above the story (dek, byline, date,
/// lead photo), then the body up to any trailing comment form or link list.
/// </summary>
internal sealed class PlainTextArticleReader
{
    private const string NoTextMessage = "The file has no text: an article needs at least a headline.";
    private const int MaxDekLength = 300;

    // Contributor credits close an article; the same sentence higher up is just a paragraph.
    private const int ClosingUnits = 5;

    // How many lines under the headline still count as "the top" for a publication-time line.
    private const int TopLines = 10;

    private readonly ClassifiedLines lines;
    private readonly List<string> dropped = [];
    private readonly List<string> authors = [];
    private readonly HashSet<string> authorSet = new(StringComparer.Ordinal);
    private readonly List<string> credits = [];
    private readonly List<TextUnit> body = [];
    private readonly LeadImageText image = new();
    private string? dek;
    private string? reportingFrom;

    public PlainTextArticleReader(List<SourceLine> sourceLines) => lines = new ClassifiedLines(sourceLines);

    public PlainTextArticle Read()
    {
        var headline = ReadHeadline(out var afterHeadline);
        lines.NearTop = afterHeadline + TopLines;
        lines.End = ArticleTail.FindStart(lines, afterHeadline);
        ReadBody(ReadFrontMatter(afterHeadline));
        TakeClosingCredits();
        ReadTail();

        return new PlainTextArticle(
            headline,
            dek,
            authors,
            (body.Count > 0 ? DatelinePlace.Find(body[0].Text) : null) ?? reportingFrom,
            string.Join("\n\n", body.Select(paragraph => MarkdownText.EscapeParagraph(paragraph.Text))),
            image.Caption,
            image.Credit,
            credits,
            dropped);
    }

    private string ReadHeadline(out int next)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i];
            if (!PageFurniture.IsFurniture(text) && !TimestampLine.IsTimestamp(text))
            {
                next = i + 1;
                return text;
            }

            dropped.Add(text);
        }

        throw new PlainTextImportException(dropped.Count == 0
            ? NoTextMessage
            : $"The file has only page furniture such as \"{dropped[0]}\": an article needs at least a headline.");
    }

    private int ReadFrontMatter(int i)
    {
        var directlyAfterHeadline = true;
        while (i < lines.End)
        {
            var unit = lines.ReadUnit(i, frontMatter: true);
            switch (unit.Kind)
            {
                case LineKind.Furniture:
                    dropped.Add(unit.Text);
                    break;
                case LineKind.Timestamp:
                    dropped.Add(unit.Text);
                    directlyAfterHeadline = image.CaptionMayFollow = false;
                    break;
                case LineKind.Byline:
                    TakeByline(unit.Text);
                    directlyAfterHeadline = image.CaptionMayFollow = false;
                    break;
                case LineKind.ReportingFrom:
                    reportingFrom ??= DatelinePlace.FromReportingLine(unit.Text);
                    directlyAfterHeadline = image.CaptionMayFollow = false;
                    break;
                case LineKind.PhotoCredit:
                    image.TakeCredit(unit.Text, dropped);
                    directlyAfterHeadline = false;
                    break;
                case LineKind.CaptionWithCredit when !image.IsComplete:
                    image.TakeCaptionWithCredit(unit.Text);
                    directlyAfterHeadline = false;
                    break;
                default:
                    var next = lines.NextKind(unit.End, true).Kind;
                    if (directlyAfterHeadline && IsDek(unit))
                    {
                        dek = unit.Text;
                    }
                    else if (next == LineKind.PhotoCredit && !image.IsComplete && image.Caption is null && LeadImageText.CanBeCaption(unit.Text))
                    {
                        image.Caption = unit.Text;
                    }
                    else if (image.CaptionMayFollow && next != LineKind.Unknown && LeadImageText.CanBeCaption(unit.Text))
                    {
                        image.Caption = unit.Text;
                    }
                    else
                    {
                        return i;
                    }

                    directlyAfterHeadline = image.CaptionMayFollow = false;
                    break;
            }

            i = unit.End;
        }

        return i;
    }

    private void ReadBody(int i)
    {
        var previousWasParagraph = false;
        while (i < lines.End)
        {
            var unit = lines.ReadUnit(i, frontMatter: false);
            if (unit.Kind is LineKind.Furniture or LineKind.Timestamp)
            {
                dropped.Add(unit.Text);
            }
            else if (unit.Kind == LineKind.Byline)
            {
                TakeByline(unit.Text);
            }
            else if (unit.Kind == LineKind.CaptionWithCredit && !image.IsComplete)
            {
                image.TakeCaptionWithCredit(unit.Text);
                previousWasParagraph = false;
            }
            else if (unit.Kind == LineKind.PhotoCredit)
            {
                if (!image.IsComplete && image.Caption is null && previousWasParagraph && LeadImageText.CanBeCaption(body[^1].Text))
                {
                    image.Caption = body[^1].Text;
                    body.RemoveAt(body.Count - 1);
                }

                image.TakeCredit(unit.Text, dropped);
                previousWasParagraph = false;
            }
            else
            {
                if (image.CaptionMayFollow && unit.Kind == LineKind.Text && LeadImageText.CanBeCaption(unit.Text)
                    && lines.NextKind(unit.End, false).Kind != LineKind.Unknown)
                {
                    image.Caption = unit.Text;
                }
                else
                {
                    body.Add(unit);
                }

                image.CaptionMayFollow = false;
                previousWasParagraph = unit.Kind == LineKind.Text;
            }

            i = unit.End;
        }
    }

    private void TakeByline(string line)
    {
        _ = BylineLine.TryParse(line, out var names);
        foreach (var name in names)
        {
            if (authorSet.Add(name))
            {
                authors.Add(name);
            }
        }
    }

    private void TakeClosingCredits()
    {
        var first = Math.Max(0, body.Count - ClosingUnits);
        for (var k = body.Count - 1; k >= first; k--)
        {
            if (body[k].Kind == LineKind.ContributorCredit)
            {
                credits.InsertRange(0, ContributorCreditLine.TryParse(body[k].Text)!);
                body.RemoveAt(k);
            }
        }
    }

    private void ReadTail()
    {
        for (var i = lines.End; i < lines.Count; i++)
        {
            var text = lines[i];
            if (ContributorCreditLine.TryParse(text) is { } sentences)
            {
                credits.AddRange(sentences);
            }
            else
            {
                dropped.Add(text);
            }
        }
    }

    // A dek sits between the headline and the byline, date or photo block; a lone short line
    // followed by more paragraphs is the story's first paragraph instead, and a line followed
    // by a photo credit is that photo's caption unless the caption clearly comes after the credit.
    private bool IsDek(TextUnit unit)
    {
        if (unit.End - unit.Start != 1 || unit.Text.Length > MaxDekLength)
        {
            return false;
        }

        var next = lines.NextKind(unit.End, true);
        switch (next.Kind)
        {
            case LineKind.Byline or LineKind.Timestamp or LineKind.ReportingFrom or LineKind.CaptionWithCredit:
                return true;
            case LineKind.Text:
                return lines.NextKind(lines.UnitEnd(next.Start, true), true).Kind == LineKind.PhotoCredit;
            case LineKind.PhotoCredit:
                var afterCredit = lines.NextKind(next.Start + 1, true);
                if (afterCredit.Kind != LineKind.Text)
                {
                    return false;
                }

                var captionEnd = lines.UnitEnd(afterCredit.Start, true);
                return lines.NextKind(captionEnd, true).Kind is LineKind.Byline or LineKind.Timestamp or LineKind.ReportingFrom
                    && LeadImageText.CanBeCaption(lines.ReadUnit(afterCredit.Start, true).Text);
            default:
                return false;
        }
    }
}
