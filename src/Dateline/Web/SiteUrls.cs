using Microsoft.Extensions.Options;

namespace Dateline.Web;

/// <summary>Absolute URLs: from the site URL when one is set (configured or saved), else from the request.</summary>
public sealed class SiteUrls(IOptionsMonitor<DatelineOptions> options)
{
    public string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return options.CurrentValue.SiteUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public string Absolute(HttpRequest request, string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? path
            : BaseUrl(request) + path;
}
