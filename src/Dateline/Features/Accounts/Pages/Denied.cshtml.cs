using Dateline.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Accounts.Pages;

/// <summary>Where a signed-in user lands when their role may not open a page: a 403 that says so.</summary>
public sealed class DeniedModel(PageMeta meta) : PageModel
{
    public void OnGet()
    {
        meta.Title = "Not for your role";
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
