using Dateline.Data;
using Dateline.Features.Mail;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments.Pages;

/// <summary>
/// The pages behind the mailed links. Opening a link only shows a button: mail scanners that
/// fetch links must not confirm or cancel anything on the reader's behalf.
/// </summary>
public sealed class SubscriptionModel(DatelineDbContext db, SubscriptionLinks links, SiteClock clock, PageMeta meta) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string Action { get; private set; } = "";
    public bool Done { get; private set; }
    public bool Invalid { get; private set; }

    public async Task<IActionResult> OnGetAsync(string step, CancellationToken ct) => await ShowAsync(step, apply: false, ct);

    public async Task<IActionResult> OnPostAsync(string step, CancellationToken ct) => await ShowAsync(step, apply: true, ct);

    private async Task<IActionResult> ShowAsync(string action, bool apply, CancellationToken ct)
    {
        if (action is not ("confirm" or "unsubscribe"))
        {
            return NotFound();
        }

        Action = action;
        meta.Title = action == "confirm" ? "Confirm reply notifications" : "Stop reply notifications";
        meta.NoIndex = true;
        var id = links.Read(action, Token);
        var subscriptions = db.Set<ReplySubscription>().Where(s => s.Id == id);
        if (id is null || (action == "confirm" && !await subscriptions.AnyAsync(ct)))
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (apply)
        {
            if (action == "confirm")
            {
                var now = clock.UtcNow;
                await subscriptions.Where(s => s.ConfirmedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmedAt, now), ct);
            }
            else
            {
                await subscriptions.ExecuteDeleteAsync(ct);
            }

            Done = true;
        }

        return Page();
    }
}
