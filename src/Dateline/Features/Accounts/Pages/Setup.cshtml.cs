using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Accounts.Pages;

/// <summary>The one-time page, reached from the link printed at first start, that creates the first admin.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SetupModel(
    DatelineDbContext db, NewsroomUsers users, UserManager<NewsroomUser> accounts, SignInManager<NewsroomUser> signIn,
    Settings.SiteSettingsStore siteSettings, SiteUrls urls, TimeProvider time, PageMeta meta) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Set up Dateline";
        meta.NoIndex = true;
        return await SetupToken.IsValidAsync(db, Token, time.GetUtcNow().UtcDateTime, ct) ? Page() : Expired();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        meta.Title = "Set up Dateline";
        meta.NoIndex = true;
        if (!await SetupToken.IsValidAsync(db, Token, time.GetUtcNow().UtcDateTime, ct))
        {
            return Expired();
        }

        if (!string.Equals(Password, ConfirmPassword, StringComparison.Ordinal))
        {
            Errors.Add("confirmPassword", "The two passwords differ.");
        }

        if (Errors.IsEmpty)
        {
            Errors = await users.AddAsync(Email, Name, Roles.Admin, Password, ct);
        }

        // Passwords are never sent back into the page.
        Password = ConfirmPassword = null;
        if (!Errors.IsEmpty)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await SetupToken.RevokeAsync(db, ct);
        await RememberSiteUrlAsync(ct);
        if (await accounts.FindByEmailAsync(Email!.Trim()) is { } admin)
        {
            await signIn.SignInAsync(admin, isPersistent: false);
        }

        Done = true;
        return Page();
    }

    /// <summary>
    /// Keeps the address the first admin used as the site URL, as WordPress does at install, when
    /// none is configured: links in mail must not come from whatever Host a later request claims.
    /// </summary>
    private async Task RememberSiteUrlAsync(CancellationToken ct)
    {
        if (siteSettings.Current.SiteUrl.Length > 0)
        {
            return;
        }

        await Settings.SettingRows.SetAsync(db, Settings.SiteSettings.UrlKey, urls.BaseUrl(Request), ct);
        await siteSettings.RefreshAsync(ct);
    }

    private PageResult Expired()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Token = null;
        return Page();
    }
}
