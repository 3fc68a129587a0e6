namespace Dateline.Features.Comments;

/// <summary>
/// Decides where a new comment goes, in WordPress's order: denied words send it to the trash,
/// held words and links hold it, and a commenter without an approved comment is held too.
/// </summary>
public static class CommentModeration
{
    public static (CommentStatus Status, string? Reason) Decide(
        DiscussionSettings settings, CommentInput input, string? ip, string? userAgent, bool trusted)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(input);
        string?[] fields = [input.Body, StripTags(input.Body), input.Name, input.Email, input.Url, ip, userAgent];
        if (FirstMatch(settings.DenyWords, fields) is { } denied)
        {
            return (CommentStatus.Trash, $"deny-word:{denied}");
        }

        if (FirstMatch(settings.HoldWords, fields) is { } held)
        {
            return (CommentStatus.Held, $"hold-word:{held}");
        }

        var links = CountLinks(input.Body ?? "");
        if (settings.HoldLinkCount > 0 && links >= settings.HoldLinkCount)
        {
            return (CommentStatus.Held, $"links:{links}");
        }

        if (settings.RequirePreviousApproval && !trusted)
        {
            return (CommentStatus.Held, "first-comment");
        }

        return (CommentStatus.Approved, null);
    }

    /// <summary>Links a reader wrote: addresses with a scheme, bare www. addresses and mailto links.</summary>
    public static int CountLinks(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Count(body, "://") + Count(body, "mailto:") + CountBareWww(body);
    }

    private static string? FirstMatch(IReadOnlyList<string> words, string?[] fields)
    {
        foreach (var word in words)
        {
            var trimmed = word.Trim();
            if (trimmed.Length > 0 && fields.Any(f => f is not null && f.Contains(trimmed, StringComparison.OrdinalIgnoreCase)))
            {
                return trimmed;
            }
        }

        return null;
    }

    // "<b>half</b>way" must still match "halfway".
    private static string? StripTags(string? text)
    {
        if (text is null || !text.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }

    private static int CountBareWww(string text)
    {
        var count = 0;
        for (var i = text.IndexOf("www.", StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf("www.", i + 4, StringComparison.OrdinalIgnoreCase))
        {
            if (i == 0 || !(text[i - 1] == '/' || char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '.'))
            {
                count++;
            }
        }

        return count;
    }
}
