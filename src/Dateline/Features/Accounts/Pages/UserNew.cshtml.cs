using Dateline.Data;
using Dateline.Features.Mail;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Accounts.Pages;

/// <summary>
/// Adds a newsroom user, with a password the admin gives them, or, by default, none: the new
/// user gets the same mailed link as a forgotten password, and chooses their own.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.ManageSitePolicy)]
public sealed class UserNewModel(
    NewsroomUsers accounts, PasswordMail mail, DatelineDbContext db, SiteUrls urls, IOptionsMonitor<SmtpOptions> smtp, PageMeta meta) : PageModel
{
    public const string MailLink = "mail";
    public const string SetNow = "set";

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? PasswordChoice { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    /// <summary>Without an SMTP host, mail is only logged, so the form says a link would not arrive.</summary>
    public bool MailIsSent => !string.IsNullOrEmpty(smtp.CurrentValue.Host);

    public void OnGet()
    {
        meta.Title = "Add a user";
        Role = Roles.Author;
        PasswordChoice = MailIsSent ? MailLink : SetNow;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        meta.Title = "Add a user";
        switch (PasswordChoice)
        {
            case SetNow:
                Errors = await accounts.AddAsync(Email, Name, Role ?? "", Password, ct);
                break;
            case MailLink:
                (Errors, var user) = await accounts.AddWithoutPasswordAsync(Email, Name, Role ?? "", ct);
                if (user is not null)
                {
                    await mail.EnqueueWelcomeAsync(user, urls.BaseUrl(Request));
                    await db.SaveChangesAsync(ct);
                }

                break;
            default:
                Errors.Add("passwordChoice", "Choose how the new user gets a password.");
                break;
        }

        // A password is never sent back into the page.
        Password = null;
        if (!Errors.IsEmpty)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return Redirect("/newsroom/users/?done=added");
    }
}
