using Dateline.Data;
using Dateline.Features.Comments;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Articles.Pages;

public sealed class ArticlePageModel(DatelineDbContext db, SiteClock clock, SiteUrls urls, PageMeta meta, IOptions<DatelineOptions> options) : PageModel
{
    public ArticleView Article { get; private set; } = null!;
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public ReplyForm Reply { get; private set; } = null!;
    public string CanonicalUrl { get; private set; } = "";
    public string JsonLd { get; private set; } = "";
    public SiteClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(int year, int month, int day, string slug, int? replyto, CancellationToken ct)
    {
        if (year is < 1000 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return NotFound();
        }

        var date = new DateOnly(year, month, day);
        var lowered = slug.ToLowerInvariant();
        var article = await db.Articles.AsNoTracking().Published(clock.UtcNow)
            .Where(a => a.PathDate == date && a.Slug == lowered)
            .Select(ArticleProjections.View).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }

        // One address per article: /2023/3/1/Slug/ and friends answer 301 to the canonical form.
        if (!string.Equals(Request.Path.Value, Uri.UnescapeDataString(article.Path!), StringComparison.Ordinal))
        {
            return RedirectPermanent(article.Path! + Request.QueryString);
        }

        Article = article;
        Comments = await CommentThreads.ApprovedAsync(db, article.Id, ct);
        Reply = new ReplyForm(article.Id, article.Path!) { ParentId = replyto, CommentsOpen = article.CommentsOpen };
        var baseUrl = urls.BaseUrl(Request);
        CanonicalUrl = baseUrl + article.Path;
        JsonLd = ArticleJsonLd.For(article, CanonicalUrl, baseUrl, options.Value.SiteTitle, clock);
        meta.Title = article.Headline;
        meta.Description = article.Dek;
        meta.CanonicalPath = article.Path;
        return Page();
    }

    public string Absolute(string path) => urls.Absolute(Request, path);
}
