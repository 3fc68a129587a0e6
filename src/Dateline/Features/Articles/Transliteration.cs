using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Dateline.Features.Articles;

/// <summary>Latin spellings for letters: accents dropped, Cyrillic and Greek romanized.</summary>
internal static class Transliteration
{
    // Letters that do not decompose into a base letter plus marks.
    private static readonly FrozenDictionary<int, string> Special = new Dictionary<int, string>
    {
        ['ß'] = "ss", ['æ'] = "ae", ['Æ'] = "ae", ['œ'] = "oe", ['Œ'] = "oe", ['ø'] = "o", ['Ø'] = "o",
        ['đ'] = "d", ['Đ'] = "d", ['ð'] = "d", ['Ð'] = "d", ['þ'] = "th", ['Þ'] = "th", ['ł'] = "l", ['Ł'] = "l",
        ['ı'] = "i", ['ħ'] = "h", ['Ħ'] = "h", ['ŋ'] = "ng",
        // Cyrillic: a readable romanization close to the BGN/PCGN and Ukrainian national systems.
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "yo",
        ['є'] = "ye", ['ж'] = "zh", ['з'] = "z", ['и'] = "i", ['і'] = "i", ['ї'] = "yi", ['й'] = "y", ['ј'] = "j",
        ['к'] = "k", ['л'] = "l", ['љ'] = "lj", ['м'] = "m", ['н'] = "n", ['њ'] = "nj", ['о'] = "o", ['п'] = "p",
        ['р'] = "r", ['с'] = "s", ['т'] = "t", ['ћ'] = "c", ['ђ'] = "dj", ['у'] = "u", ['ў'] = "u", ['ф'] = "f",
        ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['џ'] = "dz", ['ш'] = "sh", ['щ'] = "shch", ['ъ'] = "",
        ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya", ['ѓ'] = "gj", ['ќ'] = "kj", ['ѕ'] = "dz",
        // Greek, after ELOT 743 in its simple form.
        ['α'] = "a", ['β'] = "v", ['γ'] = "g", ['δ'] = "d", ['ε'] = "e", ['ζ'] = "z", ['η'] = "i", ['θ'] = "th",
        ['ι'] = "i", ['κ'] = "k", ['λ'] = "l", ['μ'] = "m", ['ν'] = "n", ['ξ'] = "x", ['ο'] = "o", ['π'] = "p",
        ['ρ'] = "r", ['σ'] = "s", ['ς'] = "s", ['τ'] = "t", ['υ'] = "y", ['φ'] = "f", ['χ'] = "ch", ['ψ'] = "ps",
        ['ω'] = "o",
    }.ToFrozenDictionary();

    // Ukrainian's official romanization (2010) differs from Russian's for a few letters, and
    // spells some of them differently at the start of a word: Київ is Kyiv, Юлія is Yuliia.
    private static readonly FrozenDictionary<int, string> Ukrainian = new Dictionary<int, string>
    {
        ['г'] = "h", ['и'] = "y", ['і'] = "i", ['ї'] = "i", ['є'] = "ie", ['й'] = "i", ['ю'] = "iu", ['я'] = "ia",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<int, string> UkrainianWordStart = new Dictionary<int, string>
    {
        ['ї'] = "yi", ['є'] = "ye", ['й'] = "y", ['ю'] = "yu", ['я'] = "ya",
    }.ToFrozenDictionary();

    /// <summary>Whether a text is Ukrainian: it has letters that Russian lacks.</summary>
    public static bool LooksUkrainian(string text) => text.AsSpan().IndexOfAny(UkrainianLetters) >= 0;

    private static readonly SearchValues<char> UkrainianLetters = SearchValues.Create("іїєґІЇЄҐ");

    /// <summary>The Latin spelling of a letter, or null when the script has none here.</summary>
    public static string? ToLatin(Rune rune, bool ukrainian = false, bool wordStart = false)
    {
        if (rune.Value == '&')
        {
            return " and ";
        }

        if (rune.IsAscii)
        {
            return ((char)rune.Value).ToString();
        }

        var lower = Rune.ToLowerInvariant(rune);
        if (ukrainian && ((wordStart && UkrainianWordStart.TryGetValue(lower.Value, out var start)) || Ukrainian.TryGetValue(lower.Value, out start)))
        {
            return start;
        }

        if (Special.TryGetValue(lower.Value, out var mapped))
        {
            return mapped;
        }

        // Decompose (é → e + ´, ά → α + ´) and keep the base letters that map.
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        if (decomposed.Length > 1 || decomposed != lower.ToString())
        {
            var builder = new StringBuilder();
            foreach (var part in decomposed.EnumerateRunes())
            {
                if (Rune.GetUnicodeCategory(part) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                var latin = part.IsAscii ? ((char)part.Value).ToString() : Special.GetValueOrDefault(part.Value);
                if (latin is null)
                {
                    return null;
                }

                builder.Append(latin);
            }

            return builder.ToString();
        }

        return Rune.IsLetterOrDigit(rune) ? null : " ";
    }
}
