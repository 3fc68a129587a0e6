using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Articles;
using Dateline.Features.Comments;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Newsroom.Pages;

/// <summary>
/// The newsroom's front page: what the signed-in user can act on. Writers see drafts (their own,
/// or everyone's for editors) and what is scheduled; moderators see comments waiting for them.
/// </summary>
public sealed class DashboardModel(DatelineDbContext db, SiteClock clock, PageMeta meta) : PageModel
{
    private const int ListLength = 10;

    public bool CanWrite { get; private set; }
    public bool CanModerate { get; private set; }
    public int DraftCount { get; private set; }
    public IReadOnlyList<DashboardArticle> Drafts { get; private set; } = [];
    public IReadOnlyList<DashboardScheduled> Scheduled { get; private set; } = [];
    public int HeldCount { get; private set; }
    public IReadOnlyList<DashboardComment> Held { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Dashboard";
        var actor = Actor.From(User);
        CanWrite = actor.Can(Capabilities.WriteArticles);
        CanModerate = actor.Can(Capabilities.ModerateComments);
        if (CanWrite)
        {
            var articles = db.Articles.AsNoTracking();
            if (!actor.Can(Capabilities.EditOthersArticles))
            {
                articles = articles.Where(a => a.CreatedBy == actor.Id);
            }

            var drafts = articles.Where(a => a.Status == ArticleStatus.Draft);
            DraftCount = await drafts.CountAsync(ct);
            Drafts = await drafts.OrderByDescending(a => a.UpdatedAt).Take(ListLength)
                .Select(a => new DashboardArticle(a.Id, a.Headline, a.UpdatedAt)).ToListAsync(ct);
            var now = clock.UtcNow;
            Scheduled = await articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt > now)
                .OrderBy(a => a.PublishedAt).Take(ListLength)
                .Select(a => new DashboardScheduled(a.Id, a.Headline, a.PublishedAt!.Value)).ToListAsync(ct);
        }

        if (CanModerate)
        {
            var held = db.Comments.AsNoTracking().Where(c => c.Status == CommentStatus.Held);
            HeldCount = await held.CountAsync(ct);
            var rows = await (from c in held
                              join a in db.Articles on c.ArticleId equals a.Id
                              orderby c.CreatedAt descending
                              select new { c.AuthorName, c.Body, c.Reason, a.Headline }).Take(5).ToListAsync(ct);
            Held = [.. rows.Select(r => new DashboardComment(r.AuthorName, r.Headline, r.Body.Length > 120 ? r.Body[..120] + "…" : r.Body, r.Reason))];
        }
    }
}

public sealed record DashboardArticle(int Id, string Headline, DateTime UpdatedAt);

public sealed record DashboardScheduled(int Id, string Headline, DateTime At);

public sealed record DashboardComment(string AuthorName, string Headline, string Excerpt, string? Reason);
