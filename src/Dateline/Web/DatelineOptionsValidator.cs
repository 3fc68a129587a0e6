using Microsoft.Extensions.Options;

namespace Dateline.Web;

/// <summary>Checks what data annotations cannot, so that bad settings stop the start, not every page.</summary>
public sealed class DatelineOptionsValidator : IValidateOptions<DatelineOptions>
{
    public ValidateOptionsResult Validate(string? name, DatelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"Dateline:TimeZone '{options.TimeZone}' is not a known time zone (use an IANA name such as Europe/London).");
        }

        if (options.SiteUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"Dateline:SiteUrl '{url}' must be an absolute http or https URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
