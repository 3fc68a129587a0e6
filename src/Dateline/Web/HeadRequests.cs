namespace Dateline.Web;

/// <summary>
/// The methods of minimal-API GETs that answer HEAD too, as Razor pages do. MapGet matches GET
/// alone, so a feed reader's or crawler's HEAD found no endpoint; the handler runs as for GET and
/// the server sends the headers without the body.
/// </summary>
/// <remarks>
/// Callers pass these to <c>MapMethods</c> with the handler written at the call: the request
/// delegate generator builds an endpoint's code at compile time only when it can see the handler
/// there, and a wrapper taking a <see cref="Delegate"/> would send every such endpoint back to
/// run-time code generation at start.
/// </remarks>
public static class HeadRequests
{
    public static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];
}
