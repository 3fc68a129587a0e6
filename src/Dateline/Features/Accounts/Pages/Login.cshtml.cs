using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Accounts.Pages;

/// <summary>
/// The newsroom's sign-in form. Five wrong passwords lock the account for fifteen minutes; the
/// answer never says whether an address has an account.
/// </summary>
[AllowAnonymous]
public sealed partial class LoginModel(SignInManager<NewsroomUser> signIn, UserManager<NewsroomUser> users, PageMeta meta, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool Remember { get; set; }

    [BindProperty(SupportsGet = true, Name = "signedout")]
    public bool SignedOut { get; set; }

    public string? Message { get; private set; }

    public IActionResult OnGet()
    {
        meta.Title = "Sign in";
        return signIn.IsSignedIn(User) ? LocalRedirect(Safe(ReturnUrl)) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        meta.Title = "Sign in";
        SignedOut = false;
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null || string.IsNullOrEmpty(Password))
        {
            // Spend the time a real check takes, so that timing does not tell which addresses exist.
            users.PasswordHasher.HashPassword(new NewsroomUser(), Password ?? "");
            return Refuse(StatusCodes.Status422UnprocessableEntity, "The email or password is wrong.");
        }

        var result = await signIn.PasswordSignInAsync(user, Password, Remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LogSignedIn(logger, user.Id);
            return LocalRedirect(Safe(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return Redirect($"/newsroom/login/two-factor?returnUrl={Uri.EscapeDataString(Safe(ReturnUrl))}&remember={(Remember ? "true" : "false")}");
        }

        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.Id);
            Response.Headers.RetryAfter = "900";
            return Refuse(StatusCodes.Status429TooManyRequests,
                "Too many failed attempts: this account is locked for 15 minutes. You can reset the password by email meanwhile.");
        }

        return Refuse(StatusCodes.Status422UnprocessableEntity, "The email or password is wrong.");
    }

    /// <summary>Only paths on this site, so that a crafted link cannot send a signed-in editor elsewhere.</summary>
    public static string Safe(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/newsroom/";

    private PageResult Refuse(int status, string message)
    {
        Password = null;
        Message = message;
        Response.StatusCode = status;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Newsroom user {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Newsroom user {UserId} is locked out after failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, string userId);
}
