namespace Dateline.Features.Import;

/// <summary>
/// Shared judgement of whether a run of words reads as a person's or an organisation's name.
/// Bylines, photo credits and contributor credits all hinge on it, and all of them must
/// reject ordinary prose, which is mostly lower-case words.
/// </summary>
internal static class NameWords
{
    // Lower-case words that legitimately sit inside names ("Ana de la Cruz", "Ludwig van Beethoven").
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "al", "bin", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos",
        "du", "e", "el", "ibn", "la", "le", "los", "ter", "van", "von", "y",
    };

    /// <summary>Starts with a letter that is not lower case (so also CJK and other uncased scripts).</summary>
    public static bool IsCapitalized(string word) =>
        word.Length > 0 && char.IsLetter(word[0]) && !char.IsLower(word[0]);

    public static bool IsParticle(string word) => Particles.Contains(word);

    /// <summary>Letters plus the punctuation that names carry: "Jean-Paul", "O'Neil", "J.R.", "AT&amp;T".</summary>
    public static bool HasOnlyNameCharacters(string word)
    {
        var hasLetter = false;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                hasLetter = true;
            }
            else if (!(char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                       or System.Globalization.UnicodeCategory.SpacingCombiningMark)
                     && c is not ('-' or '\'' or '\u2019' or '.' or '&'))
            {
                return false;
            }
        }

        return hasLetter || word == "&";
    }

    /// <summary>
    /// One person's name: one to six words, the first capitalized, the rest capitalized or particles.
    /// </summary>
    public static bool IsPersonName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6 || !IsCapitalized(words[0]))
        {
            return false;
        }

        foreach (var word in words)
        {
            if (word == "&" || !HasOnlyNameCharacters(word) || !(IsCapitalized(word) || IsParticle(word)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits "A, B and C" / "A &amp; B" into names; returns null when any piece is not a name,
    /// so that a sentence which happens to contain "and" is not mistaken for a list of people.
    /// </summary>
    public static List<string>? SplitNameList(string list)
    {
        var names = new List<string>();
        var current = new List<string>();

        bool Finish()
        {
            if (current.Count == 0)
            {
                return true;
            }

            var name = string.Join(' ', current);
            current.Clear();
            if (!IsPersonName(name))
            {
                return false;
            }

            names.Add(name);
            return true;
        }

        foreach (var raw in list.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw == "&" || raw.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                if (!Finish())
                {
                    return null;
                }

                continue;
            }

            var endsName = raw.EndsWith(',');
            var word = endsName ? raw[..^1] : raw;
            if (word.Length > 0)
            {
                current.Add(word);
            }

            if (endsName && !Finish())
            {
                return null;
            }
        }

        return Finish() && names.Count > 0 ? names : null;
    }
}
