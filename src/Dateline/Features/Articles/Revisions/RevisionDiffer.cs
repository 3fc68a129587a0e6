using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Dateline.Features.Articles.Revisions;

/// <summary>
/// Compares two snapshots with DiffPlex: each field as a whole with its changed words, the body
/// line by line with the changed words inside each modified line. Nothing here makes HTML.
/// </summary>
public static class RevisionDiffer
{
    /// <summary>The fields other than the body whose text differs; a missing side is the empty article.</summary>
    public static IReadOnlyList<FieldDiff> Fields(ArticleSnapshot? from, ArticleSnapshot to)
    {
        ArgumentNullException.ThrowIfNull(to);
        return [.. RevisionFields.All
            .Select(f => (Field: f, Old: from is null ? null : f.Text(from), New: f.Text(to)))
            .Where(d => !string.Equals(d.Old, d.New, StringComparison.Ordinal))
            .Select(d => new FieldDiff(d.Field.Name, d.Field.Label, d.Old, d.New, Words(d.Old ?? "", d.New ?? "")))];
    }

    /// <summary>Every line of the new body, and the old lines it lost, in reading order.</summary>
    public static IReadOnlyList<BodyDiffLine> Body(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        // Whitespace counts: in Markdown an indent or a trailing double space changes the output.
        var model = SideBySideDiffBuilder.Diff(Differ.Instance, from, to, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance, WordChunker.Instance);
        var lines = new List<BodyDiffLine>();
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var old = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var @new = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            if (old is { Type: ChangeType.Unchanged })
            {
                lines.Add(new BodyDiffLine(DiffChange.Unchanged, old.Position, @new?.Position, Whole(DiffChange.Unchanged, old.Text)));
                continue;
            }

            if (old is { Type: ChangeType.Modified } && @new is { Type: ChangeType.Modified }
                && Words(old.Text ?? "", @new.Text ?? "") is var words && Related(words))
            {
                lines.Add(new BodyDiffLine(DiffChange.Modified, old.Position, @new.Position, words));
                continue;
            }

            if (old is { Type: ChangeType.Deleted or ChangeType.Modified })
            {
                lines.Add(new BodyDiffLine(DiffChange.Deleted, old.Position, null, Whole(DiffChange.Deleted, old.Text)));
            }

            if (@new is { Type: ChangeType.Inserted or ChangeType.Modified })
            {
                lines.Add(new BodyDiffLine(DiffChange.Inserted, null, @new.Position, Whole(DiffChange.Inserted, @new.Text)));
            }
        }

        return lines;
    }

    /// <summary>
    /// One text's change into another as runs of kept, deleted and inserted words, in reading
    /// order: the kept runs and the deleted ones spell the old text, the kept and inserted the new.
    /// </summary>
    public static IReadOnlyList<DiffSpan> Words(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var result = Differ.Instance.CreateDiffs(from, to, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var spans = new List<DiffSpan>();
        var a = 0;
        var b = 0;
        foreach (var block in result.DiffBlocks.OrderBy(d => d.DeleteStartA))
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                Append(spans, DiffChange.Unchanged, result.PiecesOld[a]);
            }

            for (var k = 0; k < block.DeleteCountA; k++, a++)
            {
                Append(spans, DiffChange.Deleted, result.PiecesOld[a]);
            }

            for (b = block.InsertStartB; b < block.InsertStartB + block.InsertCountB; b++)
            {
                Append(spans, DiffChange.Inserted, result.PiecesNew[b]);
            }
        }

        for (; a < result.PiecesOld.Count; a++)
        {
            Append(spans, DiffChange.Unchanged, result.PiecesOld[a]);
        }

        return spans;
    }

    // DiffPlex pairs the changed lines of a block by position, so a paragraph may be paired with
    // an unrelated one; shown word by word, such a pair is mostly noise. It reads better as one
    // line out and another in unless a third of the longer line survives.
    private static bool Related(IReadOnlyList<DiffSpan> words)
    {
        static int Letters(IEnumerable<DiffSpan> spans) => spans.Sum(s => s.Text.Count(c => !char.IsWhiteSpace(c)));
        var kept = Letters(words.Where(w => w.Change == DiffChange.Unchanged));
        var longer = Math.Max(Letters(words.Where(w => w.Change != DiffChange.Inserted)), Letters(words.Where(w => w.Change != DiffChange.Deleted)));
        return kept * 3 >= longer;
    }

    private static List<DiffSpan> Whole(DiffChange change, string? text) => string.IsNullOrEmpty(text) ? [] : [new DiffSpan(change, text)];

    // Neighbouring pieces of one kind read as one run ("the old words" rather than five spans).
    private static void Append(List<DiffSpan> spans, DiffChange change, string piece)
    {
        if (piece.Length == 0)
        {
            return;
        }

        if (spans.Count > 0 && spans[^1].Change == change)
        {
            spans[^1] = spans[^1] with { Text = spans[^1].Text + piece };
        }
        else
        {
            spans.Add(new DiffSpan(change, piece));
        }
    }
}
