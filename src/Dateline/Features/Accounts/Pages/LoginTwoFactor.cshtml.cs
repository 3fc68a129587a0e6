using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Accounts.Pages;

/// <summary>
/// The second step for accounts with two-factor sign-in: a code from an authenticator app, or
/// one of the recovery codes. Wrong codes count towards the same lockout as wrong passwords.
/// </summary>
[AllowAnonymous]
public sealed class LoginTwoFactorModel(SignInManager<NewsroomUser> signIn, PageMeta meta) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Remember { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        meta.Title = "Two-step sign-in";
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect(NewsroomAuthentication.LoginPath) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, bool rememberBrowser)
    {
        meta.Title = "Two-step sign-in";
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect(NewsroomAuthentication.LoginPath);
        }

        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        return Outcome(await signIn.TwoFactorAuthenticatorSignInAsync(digits, Remember, rememberBrowser));
    }

    public async Task<IActionResult> OnPostRecoveryAsync(string? recoveryCode)
    {
        meta.Title = "Two-step sign-in";
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect(NewsroomAuthentication.LoginPath);
        }

        return Outcome(await signIn.TwoFactorRecoveryCodeSignInAsync((recoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal)));
    }

    private IActionResult Outcome(Microsoft.AspNetCore.Identity.SignInResult result)
    {
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.Safe(ReturnUrl));
        }

        Response.StatusCode = result.IsLockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status422UnprocessableEntity;
        Message = result.IsLockedOut
            ? "Too many failed attempts: this account is locked for 15 minutes."
            : "That code is not right. Codes change every 30 seconds; try the current one.";
        return Page();
    }
}
