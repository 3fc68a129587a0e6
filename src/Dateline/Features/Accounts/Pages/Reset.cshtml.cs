using System.Text;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Dateline.Features.Accounts.Pages;

/// <summary>The page behind a mailed reset link: a new password, checked by Identity's rules.</summary>
[AllowAnonymous]
public sealed class ResetModel(UserManager<NewsroomUser> users, PageMeta meta) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public FieldErrors Errors { get; } = new();

    public bool Done { get; private set; }

    public void OnGet() => meta.Title = "Choose a new password";

    public async Task<IActionResult> OnPostAsync()
    {
        meta.Title = "Choose a new password";
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email);
        var token = Decode(Token);
        if (string.IsNullOrEmpty(Password))
        {
            Errors.Add("password", "Required.");
        }
        else if (!string.Equals(Password, ConfirmPassword, StringComparison.Ordinal))
        {
            Errors.Add("confirmPassword", "The two passwords differ.");
        }

        if (Errors.IsEmpty)
        {
            if (user is null || token is null)
            {
                Errors.Add("token", "This link does not work: it may be incomplete, used already or more than three hours old.");
            }
            else
            {
                var result = await users.ResetPasswordAsync(user, token, Password!);
                foreach (var error in result.Errors)
                {
                    Errors.Add(error.Code == "InvalidToken" ? "token" : "password",
                        error.Code == "InvalidToken" ? "This link does not work: it may be incomplete, used already or more than three hours old." : error.Description);
                }

                if (result.Succeeded)
                {
                    // Whoever locked the account by guessing should not keep the owner out after a reset.
                    await users.SetLockoutEndDateAsync(user, null);
                    await users.ResetAccessFailedCountAsync(user);
                }
            }
        }

        Password = ConfirmPassword = null;
        if (!Errors.IsEmpty)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        Done = true;
        return Page();
    }

    private static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
