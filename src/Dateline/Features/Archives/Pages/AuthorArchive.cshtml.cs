using System.Globalization;
using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Archives.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class AuthorArchiveModel(DatelineDbContext db, ArchiveQueries archives, PageMeta meta) : PageModel
{
    public ArticleListing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var lowered = slug.ToLowerInvariant();
        var author = await db.Authors.AsNoTracking().Where(a => a.Slug == lowered).Select(a => new { a.Id, a.Name, a.Slug, a.Bio }).FirstOrDefaultAsync(ct);
        if (author is null)
        {
            return NotFound();
        }

        var result = await archives.PageAsync(await archives.ByAuthorAsync(author.Id, ct), "author:" + author.Id.ToString(CultureInfo.InvariantCulture), pageNumber ?? 1, ct);
        if (result.Items.Count == 0 && result.Number > 1)
        {
            return NotFound();
        }

        var path = $"/authors/{Uri.EscapeDataString(author.Slug)}/";
        PageCache.TagList(HttpContext, result.Items.Select(a => a.Id));
        Listing = new ArticleListing(author.Name, author.Bio, result, path);
        meta.Title = author.Name;
        meta.Description = author.Bio ?? $"Articles by {author.Name}.";
        meta.Breadcrumbs.Add(new Crumb(author.Name, path));
        meta.FeedPath = path + "feed/";
        meta.FeedInEveryFormat = true;
        meta.FeedTitle = author.Name;
        meta.CanonicalPath = result.Number == 1 ? path : $"{path}?page={result.Number}";
        return Page();
    }
}
