using System.Globalization;
using System.Text;

namespace Dateline.Features.Import;

/// <summary>
/// Recognises "By Jane Doe", "By Jane Doe, John Roe and Ann Poe", "BY JANE DOE | Reuters".
/// </summary>
/// <remarks>
/// Anything after "|", "·" or "•" is dropped: those separate the names from the outlet or the
/// reading time ("By Jane Doe | Reuters", "By Jane Doe · 4 min read"), never one author from another.
/// A news agency named after a comma ("By Jane Doe, Reuters") is the outlet, not a co-author.
/// All-caps names (AP style) are put in title case; mixed-case names are left as written,
/// because "McDonald" or "de la Cruz" cannot be rebuilt from capitals.
/// </remarks>
internal static class BylineLine
{
    private const int MaxLength = 200;

    private static readonly HashSet<string> Outlets = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reuters", "AP", "The Associated Press", "Associated Press", "AFP", "Agence France-Presse",
        "Bloomberg", "Bloomberg News", "CNN", "BBC", "BBC News", "NPR", "Staff", "Staff Writer", "Staff Reporter",
    };

    private static readonly char[] OutletSeparators = ['|', '\u00B7', '\u2022'];

    public static bool TryParse(string line, out List<string> authors)
    {
        authors = [];
        if (line.Length > MaxLength || line.Length < 4 || !line.StartsWith("by", StringComparison.OrdinalIgnoreCase)
            || line[2] is not (' ' or ':'))
        {
            return false;
        }

        var names = line[3..].TrimStart(' ', ':');
        var cut = names.IndexOfAny(OutletSeparators);
        if (cut >= 0)
        {
            names = names[..cut];
        }

        var list = NameWords.SplitNameList(names.Trim().TrimEnd(','));
        if (list is null)
        {
            return false;
        }

        var allCaps = !names.Any(char.IsLower) && names.Any(char.IsUpper);
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0 && Outlets.Contains(list[i]))
            {
                continue;
            }

            // "BY AP" keeps its acronym; only people's names are recased.
            authors.Add(allCaps && !Outlets.Contains(list[i]) ? TitleCase(list[i]) : list[i]);
        }

        return true;
    }

    // "JEAN-PAUL O'NEIL" -> "Jean-Paul O'Neil": a capital after a space, hyphen or apostrophe.
    private static string TitleCase(string name)
    {
        var result = new StringBuilder(name.Length);
        var startOfPart = true;
        foreach (var c in name)
        {
            result.Append(startOfPart ? c : char.ToLower(c, CultureInfo.InvariantCulture));
            startOfPart = c is ' ' or '-' or '\'' or '\u2019';
        }

        return result.ToString();
    }
}
