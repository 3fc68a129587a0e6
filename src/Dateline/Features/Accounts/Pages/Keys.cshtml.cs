using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Accounts.Pages;

/// <summary>
/// The newsroom API's keys: create one (shown once, in the answer to the form, never again:
/// only its hash is stored), see when each was last used, and revoke.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.ManageSitePolicy)]
public sealed class KeysModel(DatelineDbContext db, ApiKeyIssuer issuer, PageMeta meta) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Revoked { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public string? NewKey { get; private set; }

    public IReadOnlyList<Row> Keys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Role = Roles.Editor;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Revoked = false;
        (Errors, NewKey) = await issuer.CreateAsync(Name, Role, ct);
        if (NewKey is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        else
        {
            Name = null;
            Role = Roles.Editor;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct) =>
        await issuer.RevokeAsync(id, ct) ? Redirect("/newsroom/keys/?revoked=true") : NotFound();

    private async Task LoadAsync(CancellationToken ct)
    {
        meta.Title = "API keys";
        // The answer to a creation holds the key. Its forms' antiforgery tokens already make every
        // answer of this page "no-cache, no-store" (a test holds that); setting it here as well
        // would only make antiforgery log a warning that it overrode the header.
        Keys = await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Select(k => new Row(k.Id, k.Name, k.Role, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);
    }

    public sealed record Row(int Id, string Name, string Role, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);
}
