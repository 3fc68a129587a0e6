using System.Globalization;
using System.Text;

namespace Dateline.Features.Articles;

/// <summary>
/// Makes URL slugs from headlines and names: Latin letters lose their accents, Cyrillic and Greek
/// are transliterated, and scripts without a common Latin spelling (Chinese, Arabic…) keep their
/// letters, as WordPress does, rather than vanish.
/// </summary>
public static class SlugGenerator
{
    public const int MaxLength = 80;

    public static string Generate(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, maxLength * 2));
        var pendingDash = false;
        var ukrainian = Transliteration.LooksUkrainian(text);
        var wordStart = true;
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (rune.Value is '\'' or '’' or '‘')
            {
                // "Xi's" becomes "xis", not "xi-s".
                continue;
            }

            var latin = Transliteration.ToLatin(rune, ukrainian, wordStart);
            wordStart = !Rune.IsLetterOrDigit(rune);
            if (latin is not null)
            {
                foreach (var c in latin)
                {
                    Append(builder, c, ref pendingDash);
                }
            }
            else if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else
            {
                pendingDash = true;
            }

            if (builder.Length > maxLength * 2)
            {
                break;
            }
        }

        return Trim(builder.ToString(), maxLength);
    }

    /// <summary>Whether a slug typed by an editor is acceptable as it is.</summary>
    public static bool IsValid(string slug) =>
        slug.Length is > 0 and <= ArticleLimits.Slug
        && slug[0] != '-' && slug[^1] != '-' && !slug.Contains("--", StringComparison.Ordinal)
        && slug.EnumerateRunes().All(r => r.Value == '-' || (Rune.IsLetterOrDigit(r) && Rune.ToLowerInvariant(r) == r));

    private static void Append(StringBuilder builder, char c, ref bool pendingDash)
    {
        if (char.IsAsciiLetterOrDigit(c))
        {
            if (pendingDash && builder.Length > 0)
            {
                builder.Append('-');
            }

            pendingDash = false;
            builder.Append(char.ToLowerInvariant(c));
        }
        else
        {
            pendingDash = true;
        }
    }

    // Cut at a word boundary so that a long headline does not end mid-word.
    private static string Trim(string slug, int maxLength)
    {
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        var cut = slug.LastIndexOf('-', maxLength);
        return cut > maxLength / 2 ? slug[..cut] : slug[..maxLength].TrimEnd('-');
    }
}
