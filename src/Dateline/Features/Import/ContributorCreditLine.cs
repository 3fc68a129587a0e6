namespace Dateline.Features.Import;

/// <summary>
/// Recognises a line made only of sentences like "Keith Bradsher contributed reporting.",
/// "Keith Bradsher and Joy Dong contributed reporting from Beijing." or
/// "Alain Delaquérière contributed research.", and splits it into those sentences.
/// </summary>
/// <remarks>
/// The subject must be a list of names, so "The agency said it contributed reporting." is prose.
/// A line with anything else in it is not a credit line at all, so nothing is ever half-taken.
/// </remarks>
internal static class ContributorCreditLine
{
    private const int MaxLength = 600;
    private const int MaxPlaceLength = 100;

    // An article's credit line holds at most this many characters; a longer "credit" stays in the body.
    private const int MaxSentenceLength = 300;
    private const string Verb = " contributed ";

    public static List<string>? TryParse(string line)
    {
        if (line.Length > MaxLength || !line.EndsWith('.'))
        {
            return null;
        }

        var sentences = new List<string>();
        var start = 0;
        while (start < line.Length)
        {
            var verb = line.IndexOf(Verb, start, StringComparison.Ordinal);
            if (verb < 0 || NameWords.SplitNameList(line[start..verb]) is null)
            {
                return null;
            }

            var end = EndOfCredit(line, verb + Verb.Length);
            if (end < 0)
            {
                return null;
            }

            if (end + 1 - start > MaxSentenceLength)
            {
                return null;
            }

            sentences.Add(line[start..(end + 1)]);
            start = end + 1;
            while (start < line.Length && line[start] == ' ')
            {
                start++;
            }
        }

        return sentences;
    }

    // Index of the period closing "reporting.", "additional research.", "reporting from Kyiv, Ukraine.".
    private static int EndOfCredit(string line, int at)
    {
        if (string.CompareOrdinal(line, at, "additional ", 0, 11) == 0)
        {
            at += 11;
        }

        if (string.CompareOrdinal(line, at, "reporting", 0, 9) == 0)
        {
            at += 9;
        }
        else if (string.CompareOrdinal(line, at, "research", 0, 8) == 0)
        {
            at += 8;
        }
        else
        {
            return -1;
        }

        if (at < line.Length && line[at] == '.')
        {
            return at;
        }

        if (string.CompareOrdinal(line, at, " from ", 0, 6) != 0)
        {
            return -1;
        }

        var place = at + 6;
        var end = line.IndexOf(". ", place, StringComparison.Ordinal);
        if (end < 0)
        {
            end = line.Length - 1;
        }

        return end - place is > 0 and <= MaxPlaceLength && NameWords.IsCapitalized(line[place..end]) ? end : -1;
    }
}
