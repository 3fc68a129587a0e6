namespace Dateline.Web;

public static class SecurityHeaders
{
    // Pages carry no inline script; JSON-LD is a data block, which script-src does not govern.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src * data:; script-src 'self'; style-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(context);
        });
}
