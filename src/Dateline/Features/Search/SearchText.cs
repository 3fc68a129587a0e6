using System.Net;
using System.Text.RegularExpressions;

namespace Dateline.Features.Search;

/// <summary>Plain text for the index, from the article's sanitized HTML.</summary>
public static partial class SearchText
{
    /// <summary>Marks the start of a matched term in snippets the database returns; never in indexed text.</summary>
    public const char MatchStart = '\uE000';

    /// <summary>Marks the end of a matched term.</summary>
    public const char MatchEnd = '\uE001';

    /// <summary>
    /// Stands for "&lt;" in indexed text: PostgreSQL's parser takes "&lt;word&gt;" for a tag and
    /// leaves it out of excerpts, which would change what the article says.
    /// </summary>
    public const char LessThan = '\uE002';

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        // The HTML was sanitized on save, so a tag is always a well-formed <...>; block ends become
        // spaces so that words of two paragraphs do not run together.
        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        return Clean(text);
    }

    /// <summary>Folds whitespace, takes out the markers so that no text can fake a match, and stands in for "&lt;".</summary>
    public static string Clean(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Spaces().Replace(text.Replace(MatchStart, ' ').Replace(MatchEnd, ' ').Replace(LessThan, ' '), " ").Trim().Replace('<', LessThan);

    /// <summary>Indexed text as it was written.</summary>
    public static string Restore(string text) => text.Replace(LessThan, '<');

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
