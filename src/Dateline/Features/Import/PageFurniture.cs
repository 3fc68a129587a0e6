using System.Text;

namespace Dateline.Features.Import;

/// <summary>
/// The buttons, prompts and labels that come along when a story is selected and copied from a
/// web page. Only whole lines are matched (case-insensitively): a paragraph that merely mentions
/// "subscribe" or "share" is prose and must stay.
/// </summary>
internal static class PageFurniture
{
    // Anything longer is prose, whatever it starts with; this also keeps checks on huge lines cheap.
    private const int MaxLength = 500;

    private static readonly HashSet<string> ExactLines = new(StringComparer.Ordinal)
    {
        // WordPress comment form (its headings are in CommentFormHeadings).
        "cancel reply", "your email address will not be published",
        "your email address will not be published.",
        "your email address will not be published. required fields are marked*",
        "required fields are marked*", "comment*", "name*", "email*", "website",
        "save my name, email, and website in this browser for the next time i comment.",
        "post comment", "submit comment", "\u03b4",

        // Share, like and follow bars.
        "share", "share this", "share this:", "share this article", "share article", "share full article",
        "share via", "tweet", "email", "e-mail", "print", "copy link", "link copied", "facebook", "twitter",
        "linkedin", "whatsapp", "reddit", "pinterest", "telegram", "like this:", "like", "like loading...",
        "loading...", "follow", "follow us", "save", "save article", "saved",

        // Subscriptions, advertising and reading aids.
        "subscribe", "subscribe now", "subscribe to our newsletter", "advertisement", "skip advertisement",
        "advertisement - scroll to continue", "continue reading the main story", "continue reading",
        "read in app", "open in app", "give this article", "gift this article", "sponsored",
        "sponsored content", "supported by", "skip to content", "skip to main content", "image", "video",

        // Comment counters and links (numbered ones are matched by IsCommentCounter).
        "comments", "view comments", "show comments", "hide comments", "no comments", "read more",

        // Cookie banners.
        "accept", "accept all", "accept all cookies", "accept cookies", "reject all", "cookie settings",
        "manage cookies", "cookie policy",
    };

    // Headings that open a trailing block of links to other stories.
    private static readonly HashSet<string> RelatedHeadings = new(StringComparer.Ordinal)
    {
        "related", "related stories", "related articles", "related posts", "related content",
        "related coverage", "more stories", "more on this story", "you may also like", "you might also like",
        "recommended", "recommended stories", "read next", "most popular", "most read",
    };

    private static readonly HashSet<string> CommentFormHeadings = new(StringComparer.Ordinal)
    {
        "leave a reply", "leave a reply cancel reply", "leave a comment", "leave a comment cancel reply",
    };

    // Prefix, the longest line it may start, and whether the line must also avoid a final period.
    private static readonly (string Prefix, int MaxLength, bool Unpunctuated)[] Prefixes =
    [
        ("click to share on", 120, false), ("click to email", 120, false), ("click to print", 120, false),
        ("share on ", 60, true), ("listen to this article", 80, false), ("notify me of ", 100, false),
        ("subscribe to ", 80, true), ("related:", 200, false), ("read more:", 200, false),
        ("read more on ", 120, true), ("see more on ", 150, false), ("also read:", 200, false),
        ("read also:", 200, false), ("this site uses akismet", 200, false),
        ("a version of this article appears in print", 400, false), ("story continues below", 60, true),
        ("article continues below", 60, true),
    ];

    private static readonly string[] CommentVerbs = ["read ", "view ", "see ", "show ", "load "];

    public static bool IsFurniture(string line)
    {
        if (line.Length > MaxLength)
        {
            return false;
        }

        var key = Key(line);
        if (ExactLines.Contains(key) || RelatedHeadings.Contains(key) || CommentFormHeadings.Contains(key) || IsCommentCounter(key))
        {
            return true;
        }

        foreach (var (prefix, maxLength, unpunctuated) in Prefixes)
        {
            if (key.Length <= maxLength && key.StartsWith(prefix, StringComparison.Ordinal)
                && !(unpunctuated && key.EndsWith('.')))
            {
                return true;
            }
        }

        return IsNewsletterPrompt(key) || IsMediaLabel(key) || IsCookieNotice(key) || IsCommentSectionTitle(key);
    }

    /// <summary>A comment form: nothing after it at the end of a page is article text.</summary>
    public static bool StartsCommentSection(string line) =>
        line.Length <= 200 && (CommentFormHeadings.Contains(Key(line)) || IsCommentSectionTitle(Key(line)));

    /// <summary>"Related", "More stories": what follows is usually a list of other headlines.</summary>
    public static bool StartsRelatedBlock(string line) => line.Length <= 40 && RelatedHeadings.Contains(Key(line));

    /// <summary>Lower case, one spelling of ellipses and apostrophes, and "Name *" written as "name*".</summary>
    private static string Key(string line)
    {
        var key = new StringBuilder(line.Length);
        foreach (var c in line.ToLowerInvariant())
        {
            switch (c)
            {
                case '\u2026':
                    key.Append("...");
                    break;
                case '\u2019' or '\u2018':
                    key.Append('\'');
                    break;
                case '*' when key.Length > 0 && key[^1] == ' ':
                    key[^1] = '*';
                    break;
                default:
                    key.Append(c);
                    break;
            }
        }

        return key.ToString();
    }

    // "Comments (12)", "12 Comments", "1 comment", "Read 87 Comments".
    private static bool IsCommentCounter(string key)
    {
        foreach (var verb in CommentVerbs)
        {
            if (key.StartsWith(verb, StringComparison.Ordinal))
            {
                key = key[verb.Length..];
                break;
            }
        }

        if (key.StartsWith("comments (", StringComparison.Ordinal) && key.EndsWith(')'))
        {
            return IsDigits(key.AsSpan(10, key.Length - 11));
        }

        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && IsDigits(key.AsSpan(0, space)) && key[(space + 1)..] is "comment" or "comments";
    }

    // "3 thoughts on “A Headline”", "One thought on ...", "12 responses to ...": WordPress comment lists.
    private static bool IsCommentSectionTitle(string key)
    {
        if (key.Length > 200)
        {
            return false;
        }

        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !(IsDigits(key.AsSpan(0, space)) || key[..space] == "one"))
        {
            return false;
        }

        var rest = key[(space + 1)..];
        return rest.StartsWith("thoughts on ", StringComparison.Ordinal)
            || rest.StartsWith("thought on ", StringComparison.Ordinal)
            || rest.StartsWith("responses to ", StringComparison.Ordinal)
            || rest.StartsWith("response to ", StringComparison.Ordinal);
    }

    private static bool IsNewsletterPrompt(string key) =>
        key.Length <= 150
        && (key.StartsWith("sign up for ", StringComparison.Ordinal) || key.StartsWith("sign up to ", StringComparison.Ordinal))
        && key.Contains("newsletter", StringComparison.Ordinal);

    // Gallery and video links ("Photos: Inside the flooded city"); a slash would make it a photo credit instead.
    private static bool IsMediaLabel(string key) =>
        key.Length <= 100
        && !key.EndsWith('.')
        && !key.Contains('/', StringComparison.Ordinal)
        && (key.StartsWith("photos:", StringComparison.Ordinal)
            || key.StartsWith("video:", StringComparison.Ordinal)
            || key.StartsWith("watch:", StringComparison.Ordinal));

    private static bool IsCookieNotice(string key) =>
        key.Contains("cookie", StringComparison.Ordinal)
        && (key.StartsWith("we use cookies", StringComparison.Ordinal)
            || key.StartsWith("this site uses cookies", StringComparison.Ordinal)
            || key.StartsWith("this website uses cookies", StringComparison.Ordinal)
            || key.StartsWith("our website uses cookies", StringComparison.Ordinal)
            || key.StartsWith("by continuing to", StringComparison.Ordinal)
            || key.StartsWith("by using this", StringComparison.Ordinal));

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        if (span.IsEmpty || span.Length > 7)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
