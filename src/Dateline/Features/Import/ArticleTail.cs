namespace Dateline.Features.Import;

/// <summary>
/// Finds where the article ends and the page around it begins: a comment form, or a
/// trailing list of links to other stories. Every line from there on is furniture,
/// except contributor credits, which the caller keeps.
/// </summary>
internal static class ArticleTail
{
    // Related-story lists are headlines, dates and section names: short, and not sentences.
    private const int MaxListLineLength = 160;

    /// <returns>The index of the first tail line, or the line count when there is no tail.</returns>
    public static int FindStart(ClassifiedLines lines, int from)
    {
        // A comment form never sits inside a story, so it ends the article wherever it is,
        // as long as some text came before it.
        var commentForm = lines.Count;
        var seenText = false;
        for (var i = from; i < lines.Count; i++)
        {
            if (seenText && PageFurniture.StartsCommentSection(lines[i]))
            {
                commentForm = i;
                break;
            }

            seenText |= lines.Classify(i, frontMatter: false) != LineKind.Furniture;
        }

        // "Related" can also head a box in mid-story; it only starts the tail when no
        // prose sentence follows it.
        var lastProse = -1;
        for (var i = from; i < commentForm; i++)
        {
            var kind = lines.Classify(i, frontMatter: false);
            if (kind is not (LineKind.Furniture or LineKind.ContributorCredit) && IsProse(lines[i]))
            {
                lastProse = i;
            }
        }

        seenText = false;
        for (var i = from; i < commentForm; i++)
        {
            if (seenText && i > lastProse && PageFurniture.StartsRelatedBlock(lines[i]))
            {
                return i;
            }

            seenText |= lines.Classify(i, frontMatter: false) != LineKind.Furniture;
        }

        return commentForm;
    }

    private static bool IsProse(string line)
    {
        if (line.Length > MaxListLineLength)
        {
            return true;
        }

        var last = line.Length - 1;
        while (last > 0 && line[last] is '"' or '\'' or '\u201D' or '\u2019' or ')' or '\u00BB')
        {
            last--;
        }

        return line[last] is '.' or '!' or '?' or '\u2026';
    }
}
