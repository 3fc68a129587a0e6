using System.Text.RegularExpressions;
using Dateline.Web;

namespace Dateline.Features.Settings;

/// <summary>
/// The site's identity as the Settings page edits it: the parts of <see cref="DatelineOptions"/>
/// an admin may change while the site runs. Saved values are Settings rows that override
/// configuration; the rules here are the ones configuration is checked by at start.
/// </summary>
public sealed partial record SiteSettings
{
    public const string TitleKey = "site.title";
    public const string TaglineKey = "site.tagline";
    public const string UrlKey = "site.url";
    public const string TimeZoneKey = "site.timeZone";
    public const string LanguageKey = "site.language";
    public const string LogoKey = "site.logoUrl";

    public static readonly IReadOnlyList<string> Keys = [TitleKey, TaglineKey, UrlKey, TimeZoneKey, LanguageKey, LogoKey];

    public string SiteTitle { get; init; } = "";

    /// <summary>Empty hides the line under the masthead.</summary>
    public string Tagline { get; init; } = "";

    /// <summary>Empty takes the base URL from each request.</summary>
    public string SiteUrl { get; init; } = "";

    public string TimeZone { get; init; } = "";
    public string Language { get; init; } = "";

    /// <summary>Empty uses the logo Dateline ships with.</summary>
    public string LogoUrl { get; init; } = "";

    public static SiteSettings Of(DatelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new()
        {
            SiteTitle = options.SiteTitle,
            Tagline = options.Tagline ?? "",
            SiteUrl = options.SiteUrl ?? "",
            TimeZone = options.TimeZone,
            Language = options.Language,
            LogoUrl = options.LogoUrl ?? "",
        };
    }

    /// <summary>The values as Settings rows, by key.</summary>
    public IReadOnlyDictionary<string, string> ToRows() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TitleKey] = SiteTitle,
        [TaglineKey] = Tagline,
        [UrlKey] = SiteUrl,
        [TimeZoneKey] = TimeZone,
        [LanguageKey] = Language,
        [LogoKey] = LogoUrl,
    };

    /// <summary>Puts one stored value in place of the configured one.</summary>
    public static void Apply(DatelineOptions options, string key, string value)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (key)
        {
            case TitleKey: options.SiteTitle = value; break;
            case TaglineKey: options.Tagline = value; break;
            case UrlKey: options.SiteUrl = value.Length == 0 ? null : value; break;
            case TimeZoneKey: options.TimeZone = value; break;
            case LanguageKey: options.Language = value; break;
            case LogoKey: options.LogoUrl = value.Length == 0 ? null : value; break;
            default: throw new ArgumentOutOfRangeException(nameof(key), key, "Not a site setting.");
        }
    }

    /// <summary>Checks everything; returns the values trimmed, with what is wrong by form field.</summary>
    public static SiteSettings Check(SiteSettings input, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new()
        {
            SiteTitle = CheckValue(TitleKey, input.SiteTitle, errors),
            Tagline = CheckValue(TaglineKey, input.Tagline, errors),
            SiteUrl = CheckValue(UrlKey, input.SiteUrl, errors),
            TimeZone = CheckValue(TimeZoneKey, input.TimeZone, errors),
            Language = CheckValue(LanguageKey, input.Language, errors),
            LogoUrl = CheckValue(LogoKey, input.LogoUrl, errors),
        };
    }

    /// <summary>Checks one value under the form field it belongs to; returns it trimmed.</summary>
    public static string CheckValue(string key, string? value, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return key switch
        {
            TitleKey => TextRules.Check(value, "siteTitle", 200, errors, required: true) ?? "",
            TaglineKey => TextRules.Check(value, "tagline", 300, errors) ?? "",
            UrlKey => Rule(TextRules.Check(value, "siteUrl", 500, errors), "siteUrl", SiteUrlProblem, errors),
            TimeZoneKey => Rule(TextRules.Check(value, "timeZone", 100, errors, required: true), "timeZone", TimeZoneProblem, errors),
            LanguageKey => Rule(TextRules.Check(value, "language", 35, errors, required: true), "language", LanguageProblem, errors),
            LogoKey => Rule(TextRules.Check(value, "logoUrl", 500, errors), "logoUrl", LogoUrlProblem, errors),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a site setting."),
        };
    }

    public static string? TimeZoneProblem(string zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? null : "Not a known time zone: use an IANA name such as Europe/London.";

    /// <summary>Links are made by appending paths, so a query or fragment would end up inside every one.</summary>
    public static string? SiteUrlProblem(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            ? "Must be an absolute http or https URL."
            : uri.Query.Length > 0 || uri.Fragment.Length > 0 || url.Contains('?', StringComparison.Ordinal) || url.Contains('#', StringComparison.Ordinal)
                ? "Must have no query (?…) or fragment (#…)."
                : null;

    /// <summary>
    /// A logo is an image on this site ("/media/logo.png") or anywhere on the web. Structured data
    /// and feeds carry it as an absolute URL, so a path is taken from the site's root.
    /// </summary>
    public static string? LogoUrlProblem(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var fine = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            ? Uri.IsWellFormedUriString(url, UriKind.Relative)
            : Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && Uri.IsWellFormedUriString(url, UriKind.Absolute);
        return fine ? null : "Must be a path such as /media/logo.png, or an absolute http or https URL.";
    }

    public static string? LanguageProblem(string language) =>
        LanguageTag().IsMatch(language) ? null : "Must be a language tag such as en, fr or pt-BR.";

    private static string Rule(string? value, string field, Func<string, string?> problem, FieldErrors errors)
    {
        if (value is { Length: > 0 } && !errors.Has(field) && problem(value) is { } message)
        {
            errors.Add(field, message);
        }

        return value ?? "";
    }

    // BCP 47 in the shape browsers and feed readers accept: a primary language and subtags.
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
