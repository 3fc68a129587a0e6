using System.Text;

namespace Dateline.Features.Import;

/// <summary>
/// Turns raw pasted text into clean lines in one linear pass, so that every later check
/// can compare whole trimmed lines without worrying about how the text was produced.
/// </summary>
internal static class PlainTextLines
{
    private const int MaxWrappedLineLength = 150;

    public static List<SourceLine> Split(string text)
    {
        var lines = new List<SourceLine>();
        var current = new StringBuilder();
        var paragraph = 0;
        var blankSinceLastLine = false;

        void EndLine()
        {
            // Whitespace runs are already collapsed to one space, so at most one trails.
            if (current.Length > 0 && current[^1] == ' ')
            {
                current.Length--;
            }

            if (current.Length == 0)
            {
                blankSinceLastLine = true;
                return;
            }

            if (blankSinceLastLine && lines.Count > 0)
            {
                paragraph++;
            }

            blankSinceLastLine = false;
            lines.Add(new SourceLine(current.ToString(), paragraph));
            current.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    EndLine();
                    break;
                case '\n' or '\u0085' or '\u2028' or '\u2029':
                    EndLine();
                    break;

                // Invisible characters that browsers leave in copied text and that would
                // otherwise make a line such as "Share" fail to match.
                case '\uFEFF' or '\u200B' or '\u2060' or '\u00AD':
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        current.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // A broken pair cannot be stored or serialized; keep a visible marker instead.
                        current.Append('\uFFFD');
                    }
                    else if (char.IsWhiteSpace(c) || char.IsControl(c))
                    {
                        // Tabs, NBSP and binary control bytes all become a single space.
                        if (current.Length > 0 && current[^1] != ' ')
                        {
                            current.Append(' ');
                        }
                    }
                    else
                    {
                        current.Append(c);
                    }

                    break;
            }
        }

        EndLine();
        SplitUnwrappedParagraphs(lines);
        return lines;
    }

    // Nobody hard-wraps prose this wide, so a block holding such a line was copied from a page
    // that put single line breaks between paragraphs; there every line is a paragraph.
    private static void SplitUnwrappedParagraphs(List<SourceLine> lines)
    {
        var renumber = 0;
        var start = 0;
        while (start < lines.Count)
        {
            var stop = start;
            var unwrapped = false;
            while (stop < lines.Count && lines[stop].Paragraph == lines[start].Paragraph)
            {
                unwrapped |= lines[stop].Text.Length > MaxWrappedLineLength;
                stop++;
            }

            for (var i = start; i < stop; i++)
            {
                lines[i] = lines[i] with { Paragraph = renumber };
                if (unwrapped || i == stop - 1)
                {
                    renumber++;
                }
            }

            start = stop;
        }
    }
}
