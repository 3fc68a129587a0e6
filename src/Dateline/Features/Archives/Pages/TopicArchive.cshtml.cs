using System.Globalization;
using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Archives.Pages;

[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PolicyName)]
public sealed class TopicArchiveModel(DatelineDbContext db, ArchiveQueries archives, PageMeta meta) : PageModel
{
    public ArticleListing Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var lowered = slug.ToLowerInvariant();
        var topic = await db.Topics.AsNoTracking().Where(t => t.Slug == lowered).Select(t => new { t.Id, t.Name, t.Slug, t.Description }).FirstOrDefaultAsync(ct);
        if (topic is null)
        {
            return NotFound();
        }

        var result = await archives.PageAsync(await archives.InTopicAsync(topic.Id, ct), "topic:" + topic.Id.ToString(CultureInfo.InvariantCulture), pageNumber ?? 1, ct);
        if (result.Items.Count == 0 && result.Number > 1)
        {
            return NotFound();
        }

        var path = $"/topics/{Uri.EscapeDataString(topic.Slug)}/";
        PageCache.TagList(HttpContext, result.Items.Select(a => a.Id));
        Listing = new ArticleListing(topic.Name, topic.Description, result, path);
        meta.Title = topic.Name;
        meta.Description = topic.Description ?? $"The latest articles on {topic.Name}.";
        meta.Breadcrumbs.Add(new Crumb(topic.Name, path));
        meta.FeedPath = path + "feed/";
        meta.FeedInEveryFormat = true;
        meta.FeedTitle = topic.Name;
        meta.CanonicalPath = result.Number == 1 ? path : $"{path}?page={result.Number}";
        return Page();
    }
}
