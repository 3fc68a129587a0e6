using System.Diagnostics.CodeAnalysis;

namespace Dateline.Web;

/// <summary>
/// Minimal-API GETs that answer HEAD too, as Razor pages do. MapGet matches GET alone, so a feed
/// reader's or crawler's HEAD found no endpoint; the handler runs as for GET and the server sends
/// the headers without the body.
/// </summary>
public static class HeadRequests
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static RouteHandlerBuilder MapGetAndHead(this IEndpointRouteBuilder app, [StringSyntax("Route")] string pattern, Delegate handler) =>
        app.MapMethods(pattern, GetAndHead, handler);
}
