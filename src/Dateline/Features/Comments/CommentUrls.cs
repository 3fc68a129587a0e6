namespace Dateline.Features.Comments;

/// <summary>Decides which URLs a comment may point at.</summary>
internal static class CommentUrls
{
    /// <summary>The rel every link in a comment carries: readers' links earn no ranking and get no handle on our page.</summary>
    public const string LinkRel = "nofollow ugc noopener";

    private static readonly char[] TrimmedAround = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    /// <summary>
    /// Returns the URL as a browser would read it if its scheme is http, https or (when
    /// <paramref name="allowMailto"/>) mailto; otherwise null. Relative URLs are refused too:
    /// a comment is shown on many pages, and a relative link would point somewhere different on each.
    /// </summary>
    public static string? Safe(string? url, bool allowMailto)
    {
        if (url is null)
        {
            return null;
        }

        // Browsers drop tabs and newlines anywhere in a URL and C0 controls or spaces around it,
        // so "java\tscript:" is javascript: to them; check the URL they will actually follow.
        var cleaned = string.Concat(url.Where(c => c is not ('\t' or '\n' or '\r'))).Trim(TrimmedAround);
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == cleaned.Length - 1)
        {
            return null;
        }

        var scheme = cleaned[..colon];
        var allowed = scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || (allowMailto && scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase));
        return allowed ? cleaned : null;
    }
}
