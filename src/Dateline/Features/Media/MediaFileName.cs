using System.Globalization;
using System.Text;

namespace Dateline.Features.Media;

/// <summary>
/// Makes an uploader's file name safe to show: no folders, no control or direction-changing
/// characters (which can make "gpj.exe" read as "exe.jpg"), one line, a sensible length. It is
/// only ever displayed; files are stored under random names.
/// </summary>
public static class MediaFileName
{
    public static string Clean(string? name, string fallbackExtension)
    {
        var text = (name ?? "").Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        // Normalizing refuses broken UTF-16; enumerating runes turns its halves into U+FFFD instead.
        foreach (var rune in (Web.TextRules.IsWellFormed(text) ? text.Normalize(NormalizationForm.FormC) : text).EnumerateRunes())
        {
            var space = Rune.IsWhiteSpace(rune);
            var category = Rune.GetUnicodeCategory(rune);
            if (!space && category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            if (space && lastWasSpace)
            {
                continue;
            }

            builder.Append(space ? " " : rune.ToString());
            lastWasSpace = space;
        }

        var cleaned = builder.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length > MediaLimits.FileName)
        {
            // Shorten the stem, not the extension people recognise the file by.
            var dot = cleaned.LastIndexOf('.');
            var extension = dot > 0 && cleaned.Length - dot <= 10 ? cleaned[dot..] : "";
            cleaned = Cut(cleaned[..^extension.Length], MediaLimits.FileName - extension.Length).TrimEnd() + extension;
        }

        return cleaned.Length > 0 ? cleaned : $"image.{fallbackExtension}";
    }

    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        return char.IsLowSurrogate(text[length]) ? text[..(length - 1)] : text[..length];
    }
}
