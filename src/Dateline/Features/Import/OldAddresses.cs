using System.Globalization;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.StaticPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Import;

/// <summary>
/// Sends requests for an imported article's old addresses on to its new one. A path is looked up
/// only when nothing else answered it (a 404), so the pages that exist pay nothing; WordPress's
/// "/?p=123" and "/?page_id=12" links are the exception, since the front page answers every query string.
/// </summary>
public static class OldAddresses
{
    // WordPress's plain links to a post, a page and an attachment.
    private static readonly string[] IdParameters = ["p", "page_id", "attachment_id"];

    /// <summary>
    /// One form for every way a link to the same place can be written: decoded, lower case,
    /// without the final slash, "/index.php" as "/", and only the query that names a WordPress id.
    /// Null when the address cannot be an old one (too long, or a query that names nothing).
    /// </summary>
    public static string? Normalize(string path, string? query)
    {
        ArgumentNullException.ThrowIfNull(path);
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }

        decoded = decoded.ToLowerInvariant();
        if (decoded.Length == 0 || decoded[0] != '/')
        {
            decoded = "/" + decoded;
        }

        if (decoded is "/index.php")
        {
            decoded = "/";
        }

        decoded = decoded.Length > 1 ? decoded.TrimEnd('/') : decoded;
        if (decoded.Length == 0)
        {
            decoded = "/";
        }

        var id = IdQuery(query);
        var normalized = id is null ? decoded : $"{decoded}?{id}";
        return normalized == "/" || normalized.Length > OldAddress.MaxPath ? null : normalized;
    }

    /// <summary>The normalized form of an absolute or relative URL from an export, or null.</summary>
    public static string? FromUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return Normalize(absolute.AbsolutePath, absolute.Query);
        }

        var relative = url.Trim();
        var question = relative.IndexOf('?', StringComparison.Ordinal);
        return relative.StartsWith('/') ? Normalize(question < 0 ? relative : relative[..question], question < 0 ? null : relative[question..]) : null;
    }

    public static IApplicationBuilder UseOldAddressRedirects(this IApplicationBuilder app) =>
        app.Use(static async (context, next) =>
        {
            var request = context.Request;
            var reading = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            if (reading && request.Path.Value is "/" or "/index.php" && IdQuery(request.QueryString.Value) is not null
                && await TargetAsync(context) is { } early)
            {
                Redirect(context, early);
                return;
            }

            await next(context);
            if (reading && context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted
                && !request.Path.StartsWithSegments("/newsroom") && !request.Path.StartsWithSegments("/api")
                && await TargetAsync(context) is { } target)
            {
                Redirect(context, target);
            }
        });

    private static void Redirect(HttpContext context, string target)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = context.Request.PathBase.ToUriComponent() + target;
    }

    // The article's address now, if the request is for an old one of a published article.
    private static async Task<string?> TargetAsync(HttpContext context)
    {
        if (Normalize(context.Request.Path.Value ?? "/", context.Request.QueryString.Value) is not { } key)
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<DatelineDbContext>();
        var now = context.RequestServices.GetRequiredService<SiteClock>().UtcNow;
        var found = await db.OldAddresses.AsNoTracking()
            .Where(o => o.Path == key)
            .Join(db.Articles.Published(now), o => o.ArticleId, a => a.Id, (o, a) => new { a.PathDate, a.Slug })
            .FirstOrDefaultAsync(context.RequestAborted);
        if (found is { PathDate: { } date })
        {
            return ArticlePaths.Of(date, found.Slug);
        }

        // WordPress's plain link to a page; pages keep their WordPress id in their original id.
        if (key.StartsWith("/?page_id=", StringComparison.Ordinal))
        {
            var suffix = key[1..];
            var page = await db.StaticPages.AsNoTracking()
                .Where(p => p.OriginalId != null && p.OriginalId.EndsWith(suffix) && p.PublishedAt != null && p.PublishedAt <= now)
                .Select(p => p.Path).FirstOrDefaultAsync(context.RequestAborted);
            return page is null ? null : StaticPagePaths.Of(page);
        }

        return null;
    }

    private static string? IdQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return null;
        }

        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        foreach (var name in IdParameters)
        {
            if (parsed.TryGetValue(name, out var values) && int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return $"{name}={id}";
            }
        }

        return null;
    }
}
