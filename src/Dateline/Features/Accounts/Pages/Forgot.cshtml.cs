using System.Text;
using Dateline.Data;
using Dateline.Features.Mail;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Accounts.Pages;

/// <summary>
/// Mails a password-reset link. The answer is the same whether or not the address has an
/// account, so the form cannot be used to find out who works in the newsroom.
/// </summary>
[AllowAnonymous]
public sealed class ForgotModel(
    UserManager<NewsroomUser> users, DatelineDbContext db, Outbox outbox, SiteUrls urls, PageMeta meta, IOptions<DatelineOptions> options) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet() => meta.Title = "Reset your password";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        meta.Title = "Reset your password";
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user?.Email is not null)
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = $"{urls.BaseUrl(Request)}/newsroom/reset?email={Uri.EscapeDataString(user.Email)}&token={token}";
            outbox.Enqueue(user.Email, $"[{options.Value.SiteTitle}] Reset your newsroom password", $"""
                Someone asked to reset the password of your {options.Value.SiteTitle} newsroom account.
                Choose a new password here (the link works for three hours, once):
                {link}

                If it was not you, ignore this message: your password stays as it is.
                """);
            await db.SaveChangesAsync(ct);
        }

        Sent = true;
        return Page();
    }
}
