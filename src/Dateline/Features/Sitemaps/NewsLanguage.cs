namespace Dateline.Features.Sitemaps;

/// <summary>
/// The site's language (a BCP 47 tag such as "en-GB") as Google News wants it: the ISO 639
/// language alone, except Chinese, which Google splits into "zh-cn" (Simplified) and "zh-tw"
/// (Traditional).
/// </summary>
public static class NewsLanguage
{
    private static readonly string[] TraditionalRegions = ["tw", "hk", "mo"];

    public static string Of(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var subtags = language.Trim().ToLowerInvariant().Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (subtags.Length == 0)
        {
            return "en";
        }

        if (subtags[0] != "zh")
        {
            return subtags[0];
        }

        // A script subtag says which characters; without one, Taiwan, Hong Kong and Macau write
        // traditional ones, and everywhere else (zh, zh-CN, zh-SG) simplified.
        var rest = subtags.AsSpan(1);
        if (rest.Contains("hant"))
        {
            return "zh-tw";
        }

        return !rest.Contains("hans") && rest.ContainsAny(TraditionalRegions) ? "zh-tw" : "zh-cn";
    }
}
