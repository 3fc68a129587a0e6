using Dateline.Features.Settings;
using Microsoft.Extensions.Options;

namespace Dateline.Web;

/// <summary>
/// Checks what data annotations cannot, so that bad settings stop the start, not every page. The
/// rules are the Settings page's, so that configuration and saved settings cannot disagree.
/// </summary>
public sealed class DatelineOptionsValidator : IValidateOptions<DatelineOptions>
{
    public ValidateOptionsResult Validate(string? name, DatelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.TimeZone is { } zone && SiteSettings.TimeZoneProblem(zone) is not null)
        {
            failures.Add($"Dateline:TimeZone '{options.TimeZone}' is not a known time zone (use an IANA name such as Europe/London).");
        }

        if (options.SiteUrl is { Length: > 0 } url && SiteSettings.SiteUrlProblem(url) is { } urlProblem)
        {
            failures.Add($"Dateline:SiteUrl '{url}': {urlProblem}");
        }

        if (options.Language is { } language && SiteSettings.LanguageProblem(language) is { } languageProblem)
        {
            failures.Add($"Dateline:Language '{language}': {languageProblem}");
        }

        if (options.LogoUrl is { Length: > 0 } logo && SiteSettings.LogoUrlProblem(logo) is { } logoProblem)
        {
            failures.Add($"Dateline:LogoUrl '{logo}': {logoProblem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
