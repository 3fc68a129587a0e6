namespace Dateline.Features.Import;

/// <summary>
/// Recognises the publication-time line under a headline ("March 1, 2023",
/// "Published March 1, 2023 Updated 5:09 a.m. ET", "Updated 2 hours ago").
/// </summary>
/// <remarks>
/// Every word must come from a small date vocabulary, and the line must hold a month, a clock
/// time, a numeric date or "ago". Prose always has some other word, so it never matches.
/// </remarks>
internal static class TimestampLine
{
    private const int MaxLength = 120;

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec",
    };

    private static readonly HashSet<string> OtherWords = new(StringComparer.Ordinal)
    {
        // Labels.
        "published", "updated", "update", "posted", "modified", "edited", "last", "first", "on", "at", "and",

        // Weekdays.
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",

        // Clock and zones.
        "am", "pm", "a.m", "p.m", "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt",
        "utc", "gmt", "bst", "cet", "cest", "eet", "eest", "ist", "jst", "kst", "hkt", "sgt", "aest", "aedt", "msk",

        // Relative times.
        "ago", "just", "now", "today", "yesterday", "a", "an", "second", "seconds", "sec", "secs", "minute",
        "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "h", "day", "days", "week", "weeks",
        "month", "months", "year", "years",
    };

    private static readonly char[] Separators = [' ', ',', '|', '\u00B7', '\u2022', '\u2014', '\u2013', '(', ')'];

    private static readonly char[] ClockSeparators = [':', '.'];

    public static bool IsTimestamp(string line)
    {
        // A date line starts a line of its own: a wrapped sentence continues in lower case
        // ("on Wednesday, March 1, 2023, at"), and the last line of a wrapped sentence ends
        // with a period ("March 1, 2023.").
        if (line.Length is 0 or > MaxLength || char.IsLower(line[0]) || EndsLikeSentence(line))
        {
            return false;
        }

        var anchored = false;
        var last = string.Empty;
        foreach (var raw in line.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw is "/" or "-")
            {
                continue;
            }

            var word = raw.TrimEnd('.', ':');
            if (word.Length == 0)
            {
                return false;
            }

            last = word;
            if (Months.Contains(word) || word == "ago" || IsClockTime(word) || IsNumericDate(word))
            {
                anchored = true;
            }
            else if (!OtherWords.Contains(word) && !IsDayOrYear(word))
            {
                return false;
            }
        }

        return anchored && last is not ("on" or "at" or "and" or "a" or "an");
    }

    private static bool EndsLikeSentence(string line) =>
        line.EndsWith('.')
        && !line.EndsWith("a.m.", StringComparison.OrdinalIgnoreCase)
        && !line.EndsWith("p.m.", StringComparison.OrdinalIgnoreCase);

    // "5", "2023", "1st", "22nd".
    private static bool IsDayOrYear(string word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        return digits is > 0 and <= 4 && word[digits..] is "" or "st" or "nd" or "rd" or "th";
    }

    // "5:09", "17.30", "5:09pm", "9:00am".
    private static bool IsClockTime(string word)
    {
        var text = word.EndsWith("am", StringComparison.Ordinal) || word.EndsWith("pm", StringComparison.Ordinal)
            ? word[..^2]
            : word;
        var separator = text.IndexOfAny(ClockSeparators);
        return separator is 1 or 2
            && text.Length == separator + 3
            && char.IsAsciiDigit(text[0])
            && char.IsAsciiDigit(text[separator - 1])
            && char.IsAsciiDigit(text[separator + 1])
            && char.IsAsciiDigit(text[separator + 2]);
    }

    // "2023-03-01", "03/01/2023", "1.3.2023": three groups of digits.
    private static bool IsNumericDate(string word)
    {
        var groups = 1;
        var groupLength = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                if (++groupLength > 4)
                {
                    return false;
                }
            }
            else if (c is '-' or '/' or '.' && groupLength > 0)
            {
                groups++;
                groupLength = 0;
            }
            else
            {
                return false;
            }
        }

        return groups == 3 && groupLength > 0;
    }
}
