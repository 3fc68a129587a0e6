using System.Globalization;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Archives.Pages;

/// <summary>/2023/, /2023/03/ and /2023/03/01/: articles by the date in their URL.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class DateArchiveModel(ArchiveQueries archives, PageMeta meta) : PageModel
{
    public ArticleListing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, int? month, int? day, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        if (year is < 1000 or > 9999 || month is < 1 or > 12 || (day is not null && (month is null || day < 1 || day > DateTime.DaysInMonth(year, month.Value))))
        {
            return NotFound();
        }

        var first = new DateOnly(year, month ?? 1, day ?? 1);
        // The last day inclusive, so that 9999-12-31 needs no day after it.
        var last = day is not null ? first : month is not null ? new DateOnly(year, month.Value, DateTime.DaysInMonth(year, month.Value)) : new DateOnly(year, 12, 31);
        var path = "/" + first.ToString(day is not null ? "yyyy'/'MM'/'dd" : month is not null ? "yyyy'/'MM" : "yyyy", CultureInfo.InvariantCulture) + "/";
        if (!string.Equals(Request.Path.Value, path, StringComparison.Ordinal))
        {
            return RedirectPermanent(path + Request.QueryString);
        }

        var result = await archives.PageAsync(archives.Published.Where(a => a.PathDate >= first && a.PathDate <= last), path, pageNumber ?? 1, ct);
        if (result.Items.Count == 0)
        {
            return NotFound();
        }

        var heading = day is not null ? first.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)
            : month is not null ? first.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : first.ToString("yyyy", CultureInfo.InvariantCulture);
        PageCache.TagList(HttpContext, result.Items.Select(a => a.Id));
        Listing = new ArticleListing(heading, null, result, path);
        meta.Title = heading;
        meta.Description = $"Articles published {(day is not null ? "on" : "in")} {heading}.";
        // Year, then month, then day: each step is an archive of its own.
        meta.Breadcrumbs.Add(new Crumb(first.ToString("yyyy", CultureInfo.InvariantCulture), first.ToString("'/'yyyy'/'", CultureInfo.InvariantCulture)));
        if (month is not null)
        {
            meta.Breadcrumbs.Add(new Crumb(first.ToString("MMMM yyyy", CultureInfo.InvariantCulture), first.ToString("'/'yyyy'/'MM'/'", CultureInfo.InvariantCulture)));
        }

        if (day is not null)
        {
            meta.Breadcrumbs.Add(new Crumb(heading, path));
        }

        meta.CanonicalPath = result.Number == 1 ? path : $"{path}?page={result.Number}";
        return Page();
    }
}
