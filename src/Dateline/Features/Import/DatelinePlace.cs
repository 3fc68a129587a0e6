namespace Dateline.Features.Import;

/// <summary>
/// Finds the place that opens a wire story's first paragraph: "BEIJING — ", "WASHINGTON (AP) — ",
/// "KYIV, Ukraine — ", "LONDON, March 1 (Reuters) - ".
/// </summary>
/// <remarks>
/// The city must be written in capitals, which ordinary sentences never are; a region after a
/// comma may be in normal case ("Ukraine", "Calif."). A date after the city is not part of the place.
/// When anything does not fit, there is no dateline: a missing one costs less than a wrong one.
/// </remarks>
internal static class DatelinePlace
{
    private const int SearchLength = 120;

    // The article's dateline field holds at most this many characters.
    private const int MaxPlaceLength = 100;

    private const string ReportingFrom = "Reporting from ";

    private static readonly string[] Dashes = ["\u2014", " \u2013 ", " -- ", " - "];

    // Words in capitals before a dash that are labels, not places ("FILE - A photo from 2019...").
    private static readonly HashSet<string> NotPlaces = new(StringComparer.Ordinal) { "FILE", "UPDATE", "BREAKING", "EXCLUSIVE" };

    /// <summary>
    /// The place in a "Reporting from New Bedford, Mass." line, which some sites print under the
    /// byline instead of opening the story with a dateline.
    /// </summary>
    public static string? FromReportingLine(string line)
    {
        if (line.Length > ReportingFrom.Length + 80 || !line.StartsWith(ReportingFrom, StringComparison.Ordinal))
        {
            return null;
        }

        var place = line[ReportingFrom.Length..].Trim();
        var words = place.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0
            && NameWords.IsCapitalized(place)
            && words.All(word => word == "and" || IsRegion(word.TrimEnd(',')))
            ? place
            : null;
    }

    public static string? Find(string paragraph)
    {
        var window = paragraph.Length > SearchLength ? paragraph[..SearchLength] : paragraph;
        var dash = -1;
        foreach (var candidate in Dashes)
        {
            var index = window.IndexOf(candidate, StringComparison.Ordinal);
            if (index > 0 && (dash < 0 || index < dash))
            {
                dash = index;
            }
        }

        if (dash < 0)
        {
            return null;
        }

        var prefix = window[..dash].TrimEnd();
        if (prefix.EndsWith(')'))
        {
            var open = prefix.LastIndexOf('(');
            if (open < 0 || !IsAgency(prefix[(open + 1)..^1]))
            {
                return null;
            }

            prefix = prefix[..open].TrimEnd();
        }

        var segments = prefix.Split(',', StringSplitOptions.TrimEntries);
        if (segments.Length > 3 || !IsCapitalCity(segments[0]) || NotPlaces.Contains(segments[0]))
        {
            return null;
        }

        var place = segments[0];
        for (var i = 1; i < segments.Length; i++)
        {
            if (IsMonthAndDay(segments[i]) && i == segments.Length - 1)
            {
                break;
            }

            if (!IsRegion(segments[i]))
            {
                return null;
            }

            place += ", " + segments[i];
        }

        return place.Length <= MaxPlaceLength ? place : null;
    }

    // "BEIJING", "NEW YORK", "ST. LOUIS", "KYIV", "КИЇВ".
    private static bool IsCapitalCity(string text)
    {
        if (text.Length is < 2 or > 40)
        {
            return false;
        }

        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
            else if (c is not (' ' or '.' or '-' or '\'' or '\u2019'))
            {
                return false;
            }
        }

        return letters >= 2;
    }

    // "Ukraine", "Calif.", "N.Y.", "South Korea".
    private static bool IsRegion(string text)
    {
        if (text.Length is 0 or > 30)
        {
            return false;
        }

        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!NameWords.HasOnlyNameCharacters(word) || !(NameWords.IsCapitalized(word) || NameWords.IsParticle(word)))
            {
                return false;
            }
        }

        return NameWords.IsCapitalized(text);
    }

    // "AP", "Reuters", "AFP".
    private static bool IsAgency(string text) =>
        text.Length is > 0 and <= 30 && NameWords.IsCapitalized(text)
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(NameWords.HasOnlyNameCharacters);

    // "March 1", "Mar. 1".
    private static bool IsMonthAndDay(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && TimestampLine.IsTimestamp(text) && parts[1].All(char.IsAsciiDigit);
    }
}
