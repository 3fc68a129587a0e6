using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Archives.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class HomeModel(ArchiveQueries archives, PageMeta meta, SiteUrls urls, IOptionsMonitor<DatelineOptions> options) : PageModel
{
    public ArticleListing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var result = await archives.PageAsync(archives.Published, "/", pageNumber ?? 1, ct);
        if (result.Items.Count == 0 && result.Number > 1)
        {
            return NotFound();
        }

        PageCache.TagList(HttpContext, result.Items.Select(a => a.Id));
        Listing = new ArticleListing(null, null, result, "/");
        meta.CanonicalPath = result.Number == 1 ? "/" : $"/?page={result.Number}";
        meta.Title = result.Number == 1 ? null : $"Page {result.Number}";
        var site = options.CurrentValue;
        meta.Description = string.IsNullOrEmpty(site.Tagline) ? null : site.Tagline;
        if (result.Number == 1)
        {
            meta.StructuredData.Add(StructuredData.WebSite(urls.BaseUrl(Request), site));
        }

        return Page();
    }
}
