namespace Dateline.Features.Import;

/// <summary>
/// Recognises photo credits: a line that is nothing but a credit ("Jane Doe/Reuters",
/// "Tatyana Zenkovich/EPA, via Shutterstock", "Photo: John Smith/AP"), or a caption line that
/// ends with one ("... on Wednesday. (AP Photo/Ng Han Guan)", "... on Wednesday. Photograph: Jane Doe/AP").
/// </summary>
/// <remarks>
/// A slash alone proves nothing: "the 24/7 news cycle", "and/or", URLs and "1/2 cup" all have one.
/// So a credit must be short, digit-free, without sentence-ending punctuation, and made of
/// name-like words, with a capitalized word touching each side of every slash. Only after an
/// explicit label ("Photo:", "Credit...") may it lack the slash ("Sophie Park for The New York Times").
/// </remarks>
internal static class PhotoCreditLine
{
    private const int MaxLength = 120;
    private const int MaxCaptionLength = 500;

    // Labels that newsroom pages put in front of the credit itself; the credit is what follows them.
    private static readonly string[] Labels =
    [
        "Photo credit:", "Photograph:", "Photographs:", "Photo:", "Image:", "Picture:", "Illustration:",
        "Credit:", "Credit...", "Credit\u2026",
    ];

    // Lower-case words that do occur inside credits ("Pool photo by", "via Getty Images", "for The Times").
    private static readonly HashSet<string> CreditWords = new(StringComparer.Ordinal)
    {
        "by", "courtesy", "for", "of", "photo", "photos", "pool", "the", "and", "via",
    };

    public static bool TryParse(string line, out string credit)
    {
        credit = string.Empty;
        if (line.Length > MaxLength + 20)
        {
            return false;
        }

        var text = line.Trim();
        if (text.Length > 2 && text[0] == '(' && text[^1] == ')')
        {
            text = text[1..^1].Trim();
        }

        var labeled = false;
        foreach (var label in Labels)
        {
            if (text.StartsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                text = text[label.Length..].Trim();
                labeled = true;
                break;
            }
        }

        if (!IsCredit(text, labeled))
        {
            return false;
        }

        credit = text;
        return true;
    }

    /// <summary>
    /// A caption with its credit at the end: in parentheses, or after a label such as "Photograph:".
    /// The caption must end like a sentence first, so a credit-like phrase inside prose never splits it.
    /// </summary>
    public static bool TrySplitCaption(string line, out string caption, out string credit)
    {
        caption = credit = string.Empty;
        if (line.Length > MaxCaptionLength + MaxLength)
        {
            return false;
        }

        var start = line.EndsWith(')') ? line.LastIndexOf('(') : LastLabelIndex(line);
        if (start <= 0 || !TryParse(line[start..], out credit))
        {
            return false;
        }

        caption = line[..start].TrimEnd();
        return caption.Length is > 0 and <= MaxCaptionLength && caption[^1] is '.' or '!' or '?' or '"' or '\u201D' or ')';
    }

    private static int LastLabelIndex(string line)
    {
        var found = -1;
        foreach (var label in Labels)
        {
            // Case-sensitive: inside a caption the label is always written as a label.
            var index = line.LastIndexOf(label, StringComparison.Ordinal);
            if (index > found)
            {
                found = index;
            }
        }

        return found;
    }

    private static bool IsCredit(string text, bool labeled)
    {
        if (text.Length is 0 or > MaxLength || text[^1] is '.' or '!' or '?' or ':' or ';' or ',')
        {
            return false;
        }

        var slashes = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c) || c is ':' or '@' or '"' or '\u201C' or '\u201D')
            {
                return false;
            }

            if (c == '/')
            {
                slashes++;
            }
        }

        if (slashes > 2 || (slashes == 0 && !(labeled && text.Contains(' ', StringComparison.Ordinal))))
        {
            return false;
        }

        var parts = text.Split('/');
        for (var p = 0; p < parts.Length; p++)
        {
            var words = parts[p].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || !AreCreditWords(words, isFirstPart: p == 0))
            {
                return false;
            }

            // The words touching a slash must look like names: "Doe/Reuters", never "and/or".
            if (p > 0 && !(NameWords.IsCapitalized(words[0]) || words[0] == "via"))
            {
                return false;
            }

            if (p < parts.Length - 1 && !NameWords.IsCapitalized(words[^1]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AreCreditWords(string[] words, bool isFirstPart)
    {
        if (isFirstPart && !NameWords.IsCapitalized(words[0]))
        {
            return false;
        }

        var capitalized = 0;
        foreach (var raw in words)
        {
            // Separators between agencies: "EPA, via Shutterstock", "Agence France-Presse — Getty Images".
            if (raw is "\u2014" or "\u2013" or "-")
            {
                continue;
            }

            var word = raw.TrimEnd(',');
            if (word.Length == 0 || !NameWords.HasOnlyNameCharacters(word))
            {
                return false;
            }

            if (NameWords.IsCapitalized(word))
            {
                capitalized++;
            }
            else if (!CreditWords.Contains(word) && !NameWords.IsParticle(word))
            {
                return false;
            }
        }

        return capitalized > 0;
    }
}
