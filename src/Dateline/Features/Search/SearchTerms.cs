using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dateline.Features.Search;

/// <summary>
/// What a reader typed, reduced to words and quoted phrases of letters and digits. Everything else
/// (search-engine operators, quotes left open, markup, punctuation) is dropped here, so that no
/// input can reach FTS5's or tsquery's own syntax and fail there.
/// </summary>
public sealed partial class SearchTerms
{
    /// <summary>More of the query than this is not read; a 10,000-character paste is still answered.</summary>
    public const int MaxInput = 400;

    public const int MaxTerms = 12;
    public const int MaxTermLength = 60;

    private SearchTerms(IReadOnlyList<IReadOnlyList<string>> groups) => Groups = groups;

    /// <summary>Each group is a single word or a phrase's words, lower case.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    public bool IsEmpty => Groups.Count == 0;

    /// <summary>Every word, phrases flattened; what snippets and related-article lookups use.</summary>
    public IEnumerable<string> Words => Groups.SelectMany(g => g);

    public static SearchTerms Parse(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return new SearchTerms([]);
        }

        // Markup pasted into the box is taken for its words, not its tag names.
        var text = Tags().Replace(Valid(Cut(input, MaxInput)), " ");
        var groups = new List<IReadOnlyList<string>>();
        var phrase = (List<string>?)null;
        var word = new StringBuilder();
        var count = 0;

        void EndWord()
        {
            // A word of combining marks alone is no word to either database.
            if (word.Length == 0 || count >= MaxTerms || !word.ToString().Any(char.IsLetterOrDigit))
            {
                word.Clear();
                return;
            }

            var w = word.ToString().ToLowerInvariant();
            word.Clear();
            count++;
            if (phrase is not null)
            {
                phrase.Add(w);
            }
            else
            {
                groups.Add([w]);
            }
        }

        void EndPhrase()
        {
            if (phrase is { Count: > 0 })
            {
                groups.Add(phrase);
            }

            phrase = null;
        }

        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (IsWordChar(c))
            {
                if (word.Length < MaxTermLength)
                {
                    word.Append(c);
                }

                continue;
            }

            EndWord();
            if (c == '"')
            {
                if (phrase is null)
                {
                    phrase = [];
                }
                else
                {
                    EndPhrase();
                }
            }
        }

        EndWord();
        EndPhrase();
        return new SearchTerms(groups);
    }

    /// <summary>At most <paramref name="length"/> characters, never half of a surrogate pair.</summary>
    public static string Cut(string value, int length)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= length)
        {
            return value;
        }

        return char.IsHighSurrogate(value[length - 1]) ? value[..(length - 1)] : value[..length];
    }

    // Normalization throws on unpaired surrogates and noncharacters, which a URL can carry.
    private static string Valid(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static bool IsWordChar(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber => true,
        _ => false,
    };

    /// <summary>
    /// The query in FTS5's syntax: every word a quoted prefix (whole words when any word will do), every phrase a quoted phrase. Words
    /// hold letters and digits only, so quoting cannot be broken.
    /// </summary>
    public string ToFts5(bool any)
    {
        var parts = Groups.Select(g => g.Count == 1
            ? $"\"{g[0]}\"" + (!any && IsPrefixable(g[0]) ? "*" : "")
            : "\"" + string.Join(' ', g) + "\"");
        return string.Join(any ? " OR " : " ", parts);
    }

    /// <summary>The query in PostgreSQL's to_tsquery syntax: prefixes with :*, phrases with &lt;-&gt;.</summary>
    public string ToTsQuery(bool any)
    {
        var parts = Groups.Select(g => g.Count == 1
            ? g[0] + (!any && IsPrefixable(g[0]) ? ":*" : "")
            : "(" + string.Join(" <-> ", g) + ")");
        return string.Join(any ? " | " : " & ", parts);
    }

    // A one-letter prefix would match a good part of the dictionary; it is matched as a word.
    private static bool IsPrefixable(string word) => word.Length >= 2;

    public override string ToString() => string.Join(' ', Groups.Select(g => g.Count == 1 ? g[0] : "\"" + string.Join(' ', g) + "\""));

    [GeneratedRegex("</?[a-zA-Z][^<>]*>")]
    private static partial Regex Tags();
}
