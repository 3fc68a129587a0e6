using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Accounts.Pages;

/// <summary>
/// Mails a password-reset link. The answer is the same whether or not the address has an
/// account, so the form cannot be used to find out who works in the newsroom.
/// </summary>
[AllowAnonymous]
public sealed class ForgotModel(
    UserManager<NewsroomUser> users, DatelineDbContext db, PasswordMail mail, SiteUrls urls, PageMeta meta) : PageModel
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
            await mail.EnqueueResetAsync(user, urls.BaseUrl(Request));
            await db.SaveChangesAsync(ct);
        }

        Sent = true;
        return Page();
    }
}
