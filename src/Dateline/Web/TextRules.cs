using System.Text;

namespace Dateline.Web;

/// <summary>Checks every piece of text we accept: length, control characters and broken Unicode.</summary>
public static class TextRules
{
    /// <summary>Trims the value and records an error against <paramref name="field"/> if it is unacceptable.</summary>
    public static string? Check(string? value, string field, int maxLength, FieldErrors errors, bool required = false, bool multiline = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors.Add(field, "Required.");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength:N0} characters (this has {text.Length:N0}).");
            return text;
        }

        if (!IsWellFormed(text))
        {
            errors.Add(field, "Contains broken Unicode (an unpaired surrogate).");
        }
        else if (HasControlCharacters(text, multiline))
        {
            errors.Add(field, multiline ? "Contains control characters." : "Must be one line without control characters.");
        }

        return text;
    }

    public static bool IsWellFormed(string text) => !HasLoneSurrogate(text);

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasControlCharacters(string text, bool multiline)
    {
        foreach (var c in text)
        {
            if (multiline && c is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An absolute http(s) URL, or a path on this site.</summary>
    public static bool IsWebUrl(string url) =>
        !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c)) && IsAbsoluteOrSitePath(url);

    // "//host" and "/\host" both leave the site in a browser; a backslash is refused above.
    private static bool IsAbsoluteOrSitePath(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
