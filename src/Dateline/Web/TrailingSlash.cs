using System.Text.RegularExpressions;

namespace Dateline.Web;

/// <summary>
/// Canonical public URLs end in a slash, as WordPress's do; the same path without it answers 301,
/// so that links and search engines converge on one address.
/// </summary>
public static partial class TrailingSlash
{
    public static IApplicationBuilder UseTrailingSlashRedirects(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && path is { Length: > 1 } && path[^1] != '/' && NeedsSlash().IsMatch(path))
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = $"{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}/{request.QueryString}";
                return Task.CompletedTask;
            }

            return next(context);
        });

    // Date paths (/2023/, /2023/03/, /2023/03/01/, an article and its feed), archives and their
    // feeds, the site's RSS and Atom feeds (not /feed.json, a file name), the comment feed and
    // the corrections page and its feed, and the newsroom.
    [GeneratedRegex(@"^/(\d{4}(/\d{1,2}(/\d{1,2}(/[^/.]+(/feed)?)?)?)?|(topics|authors)/[^/.]+(/feed(/atom)?)?|feed(/atom)?|comments/feed|corrections(/feed)?|newsroom(/(articles|media|comments|settings|users|keys))?)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NeedsSlash();
}
