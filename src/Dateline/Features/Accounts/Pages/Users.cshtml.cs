using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Accounts.Pages;

/// <summary>Every newsroom account, with its role and the state of its sign-in, for admins.</summary>
[Authorize(Policy = NewsroomAuthentication.ManageSitePolicy)]
public sealed class UsersModel(DatelineDbContext db, SiteClock clock, PageMeta meta) : PageModel
{
    /// <summary>What was just done, for the notice after a redirect: "added" or "removed".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Users";
        var rows = await (from u in db.Users.AsNoTracking()
                          orderby u.DisplayName, u.Email
                          select new
                          {
                              u.Id,
                              u.DisplayName,
                              u.Email,
                              u.TwoFactorEnabled,
                              u.LockoutEnd,
                              u.CreatedAt,
                              Role = (from ur in db.UserRoles
                                      join r in db.Roles on ur.RoleId equals r.Id
                                      where ur.UserId == u.Id
                                      select r.Name).FirstOrDefault(),
                          }).ToListAsync(ct);
        var now = clock.UtcNow;
        Accounts = [.. rows.Select(r => new Row(
            r.Id, r.DisplayName, r.Email ?? "", r.Role ?? "", r.TwoFactorEnabled,
            r.LockoutEnd is { } end && end.UtcDateTime > now ? end.UtcDateTime : null, r.CreatedAt))];
    }

    public sealed record Row(string Id, string Name, string Email, string Role, bool TwoStep, DateTime? LockedUntil, DateTime CreatedAt);
}
