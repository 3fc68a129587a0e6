using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Corrections.Pages;

/// <summary>Every correction and update the newsroom has published, newest first, a page at a time.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class CorrectionsPageModel(DatelineDbContext db, SiteClock clock, PageMeta meta, IOptions<DatelineOptions> options) : PageModel
{
    public const string Path = "/corrections/";
    public const string Heading = "Corrections and updates";

    public Page<CorrectionEntry> Entries { get; private set; } = null!;
    public SiteClock Clock => clock;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Entries = await CorrectionQueries.Published(db, clock.UtcNow).ToPageAsync(pageNumber ?? 1, options.Value.PageSize, ct);
        if (Entries.Items.Count == 0 && Entries.Number > 1)
        {
            return NotFound();
        }

        // A list: a new note comes through ArticleEditor, whose eviction takes every list with it.
        PageCache.TagList(HttpContext, Entries.Items.Select(e => e.ArticleId));
        meta.Title = Entries.Number == 1 ? Heading : $"{Heading}, page {Entries.Number}";
        meta.Description = "Every correction and update to an article on this site, newest first.";
        meta.CanonicalPath = Entries.Number == 1 ? Path : $"{Path}?page={Entries.Number}";
        meta.FeedPath = Path + "feed/";
        meta.FeedTitle = Heading;
        meta.Breadcrumbs.Add(new Crumb(Heading, Path));
        return Page();
    }
}
