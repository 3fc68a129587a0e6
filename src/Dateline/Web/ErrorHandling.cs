using Microsoft.AspNetCore.Diagnostics;

namespace Dateline.Web;

/// <summary>
/// One place that turns failures into answers: problem details for the API, a plain page for
/// readers, and never a stack trace. Bad requests (a broken form, an oversized body) are 4xx.
/// </summary>
public static class ErrorHandling
{
    public static bool IsApi(this HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi") || request.Path.StartsWithSegments("/healthz");

    public static WebApplication UseDatelineErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = WriteErrorAsync,
        });
        app.UseWhen(c => c.Request.IsApi(), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.IsApi(), site => site.UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    private static async Task WriteErrorAsync(HttpContext context)
    {
        var status = context.Response.StatusCode;
        if (context.Request.IsApi() || !AcceptsHtml(context.Request))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = status,
                    Title = status >= 500 ? "Something went wrong on our side" : "Bad request",
                    Detail = status >= 500 ? "The error was logged. Please try again later." : "The request could not be read.",
                },
            });
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var message = status >= 500
            ? "Something went wrong on our side. The error was logged; please try again in a moment."
            : "The request could not be read. Please go back and try again.";
        await context.Response.WriteAsync(
            $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            $"<title>Error {status}</title><body style=\"font:1.1rem/1.5 Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem\">" +
            $"<h1>Error {status}</h1><p>{message}</p><p><a href=\"/\">Go to the front page</a></p></body></html>");
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
