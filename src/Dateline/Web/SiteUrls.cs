using Microsoft.Extensions.Options;

namespace Dateline.Web;

/// <summary>Absolute URLs: from Dateline:SiteUrl when set, else from the request.</summary>
public sealed class SiteUrls(IOptions<DatelineOptions> options)
{
    private readonly string? configured = options.Value.SiteUrl?.TrimEnd('/');

    public string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
    }

    public string Absolute(HttpRequest request, string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? path
            : BaseUrl(request) + path;
}
