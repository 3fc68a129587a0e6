using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Accounts.Pages;

/// <summary>
/// One newsroom account: change its role, end a lockout, or remove it. The last admin can be
/// neither demoted nor removed, whoever asks, so the site is never left without one.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.ManageSitePolicy)]
public sealed class UserEditModel(NewsroomUsers accounts, UserManager<NewsroomUser> users, SignInManager<NewsroomUser> signIn, SiteClock clock, PageMeta meta) : PageModel
{
    public NewsroomUser? Account { get; private set; }
    public string CurrentRole { get; private set; } = "";
    public DateTime? LockedUntil { get; private set; }
    public bool IsSelf { get; private set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    /// <summary>What was just done, for the notice after a redirect: "role" or "unlocked".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public FieldErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRoleAsync(string id, CancellationToken ct)
    {
        var outcome = await accounts.ChangeRoleAsync(id, Role ?? "", ct);
        if (outcome == AccountChange.Done && users.GetUserId(User) == id && await users.FindByIdAsync(id) is { } self)
        {
            // Their own cookie carries the old role; an admin who is one no longer leaves the page.
            await signIn.RefreshSignInAsync(self);
            return await users.IsInRoleAsync(self, Roles.Admin) ? Redirect(Here(id, "role")) : Redirect("/newsroom/");
        }

        return await AnswerAsync(id, outcome, "role", "role");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id) =>
        await AnswerAsync(id, await accounts.UnlockAsync(id), "unlocked", "unlock");

    public async Task<IActionResult> OnPostRemoveAsync(string id, CancellationToken ct)
    {
        if (!Confirm)
        {
            Errors.Add("confirm", "Tick the box to confirm.");
            return await RefuseAsync(id, StatusCodes.Status422UnprocessableEntity);
        }

        var self = users.GetUserId(User) == id;
        var outcome = await accounts.RemoveAsync(id, ct);
        if (outcome != AccountChange.Done)
        {
            return await AnswerAsync(id, outcome, "", "remove");
        }

        if (self)
        {
            await signIn.SignOutAsync();
            return Redirect(NewsroomAuthentication.LoginPath);
        }

        return Redirect("/newsroom/users/?done=removed");
    }

    private async Task<IActionResult> AnswerAsync(string id, AccountChange outcome, string done, string field)
    {
        switch (outcome)
        {
            case AccountChange.Done:
                return Redirect(Here(id, done));
            case AccountChange.NotFound:
                return NotFound();
            case AccountChange.UnknownRole:
                Errors.Add(field, $"Must be one of {string.Join(", ", Roles.All)}.");
                return await RefuseAsync(id, StatusCodes.Status422UnprocessableEntity);
            default:
                Errors.Add(field, "This is the site's only admin. Make another user an admin first.");
                return await RefuseAsync(id, StatusCodes.Status409Conflict);
        }
    }

    private async Task<IActionResult> RefuseAsync(string id, int status)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(string id)
    {
        Account = await users.FindByIdAsync(id);
        if (Account is null)
        {
            return false;
        }

        meta.Title = Account.DisplayName;
        CurrentRole = (await users.GetRolesAsync(Account)).FirstOrDefault() ?? "";
        Role ??= CurrentRole;
        LockedUntil = Account.LockoutEnd is { } end && end.UtcDateTime > clock.UtcNow ? end.UtcDateTime : null;
        IsSelf = users.GetUserId(User) == id;
        return true;
    }

    private static string Here(string id, string done) => $"/newsroom/users/{Uri.EscapeDataString(id)}?done={done}";
}
