using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Accounts.Pages;

/// <summary>Signing out is a POST with its antiforgery token, so that a link on another site cannot do it.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<NewsroomUser> signIn, PageMeta meta) : PageModel
{
    public void OnGet() => meta.Title = "Sign out";

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect(NewsroomAuthentication.LoginPath + "?signedout=true");
    }
}
