using Dateline.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Shared;

/// <summary>The page shown for error status codes; only reached by re-execution, never directly.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(PageMeta meta) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private IActionResult Show(int code)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            return NotFound();
        }

        meta.Clear();
        Code = code;
        (Title, Message) = code switch
        {
            400 => ("Bad request", "The request could not be understood."),
            403 => ("Not allowed", "You do not have permission to see this page."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            _ => ($"Error {code}", "Something went wrong. Please try again later."),
        };
        meta.Title = code == 404 ? "Page not found" : Title;
        meta.NoIndex = true;
        return Page();
    }
}
