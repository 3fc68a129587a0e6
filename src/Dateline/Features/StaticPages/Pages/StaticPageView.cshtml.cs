using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.StaticPages.Pages;

/// <summary>A published page at its own path. Any other path of up to four segments is a 404, which old addresses may still answer.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class StaticPageViewModel(DatelineDbContext db, SiteClock clock, PageMeta meta) : PageModel
{
    public const string CacheTag = "static-pages";

    public StaticPage Shown { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string first, string? second, string? third, string? fourth, CancellationToken ct)
    {
        // Tagged before the lookup, so that a 404 cached for a path a later import fills is let go too.
        PageCache.Tag(HttpContext, CacheTag);
        var path = string.Join('/', new[] { first, second, third, fourth }.OfType<string>()).ToLowerInvariant();
        if (StaticPagePaths.Problem(path) is not null)
        {
            return NotFound();
        }

        var now = clock.UtcNow;
        var page = await db.StaticPages.AsNoTracking().FirstOrDefaultAsync(p => p.Path == path && p.PublishedAt != null && p.PublishedAt <= now, ct);
        if (page is null)
        {
            return NotFound();
        }

        // The canonical address ends in a slash, as every public page's does.
        if (Request.Path.Value is { } requested && !requested.EndsWith('/'))
        {
            return RedirectPermanent(StaticPagePaths.Of(page.Path) + Request.QueryString);
        }

        Shown = page;
        meta.Title = page.Title;
        meta.CanonicalPath = StaticPagePaths.Of(page.Path);
        meta.Breadcrumbs.Add(new Crumb(page.Title, meta.CanonicalPath));
        return Page();
    }
}
