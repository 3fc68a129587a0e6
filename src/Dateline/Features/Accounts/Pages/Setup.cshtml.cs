using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Accounts.Pages;

/// <summary>The one-time page, reached from the link printed at first start, that creates the first admin.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class SetupModel(
    DatelineDbContext db, NewsroomUsers users, UserManager<NewsroomUser> accounts, SignInManager<NewsroomUser> signIn, TimeProvider time, PageMeta meta) : PageModel
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
        if (await accounts.FindByEmailAsync(Email!.Trim()) is { } admin)
        {
            await signIn.SignInAsync(admin, isPersistent: false);
        }

        Done = true;
        return Page();
    }

    private PageResult Expired()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Token = null;
        return Page();
    }
}
