using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Articles.Revisions;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Articles.Pages;

/// <summary>
/// An article's revisions: who saved what and when, a word-level comparison of any revision with
/// the article as it is, and restoring one (itself a new save, so it can be undone too).
/// </summary>
[Authorize(Policy = NewsroomAuthentication.WriteArticlesPolicy)]
public sealed class ArticleRevisionsPageModel(ArticleRevisions revisions, DatelineDbContext db, SiteClock clock, PageMeta meta) : PageModel
{
    public int ArticleId { get; private set; }
    public string Headline { get; private set; } = "";
    public Guid Version { get; private set; }
    public RevisionListResponse? List { get; private set; }
    public RevisionDiff? Diff { get; private set; }
    public int? Compared { get; private set; }
    public string? Message { get; private set; }
    public SiteClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(int id, int? diff, int? page, CancellationToken ct) =>
        await ShowAsync(id, diff, page, ct);

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, string? version, CancellationToken ct)
    {
        var result = await revisions.RestoreAsync(id, number, Actor.From(User), Guid.TryParse(version, out var v) ? v : null, ct);
        switch (result.Outcome)
        {
            case ArticleEditOutcome.Saved:
                return Redirect($"/newsroom/articles/{id}?saved=restored");
            case ArticleEditOutcome.NotFound:
                return NotFound();
            default:
                Message = result.Outcome == ArticleEditOutcome.VersionMismatch
                    ? "The article was saved by someone else since this page was opened; look at the revisions again before restoring."
                    : result.Message ?? string.Join(" ", (result.Errors?.ToDictionary() ?? []).SelectMany(e => e.Value));
                var page = await ShowAsync(id, number, null, ct);
                Response.StatusCode = result.Outcome switch
                {
                    ArticleEditOutcome.Forbidden => StatusCodes.Status403Forbidden,
                    ArticleEditOutcome.VersionMismatch => StatusCodes.Status409Conflict,
                    _ => StatusCodes.Status422UnprocessableEntity,
                };
                return page;
        }
    }

    private async Task<IActionResult> ShowAsync(int id, int? diff, int? page, CancellationToken ct)
    {
        var actor = Actor.From(User);
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Headline, a.Version }).FirstOrDefaultAsync(ct);
        var list = await revisions.ListAsync(id, page ?? 1, actor, ct);
        if (article is null || list.Outcome == RevisionOutcome.NotFound)
        {
            return NotFound();
        }

        if (list.Outcome == RevisionOutcome.Forbidden)
        {
            return Forbid();
        }

        ArticleId = id;
        Headline = article.Headline;
        Version = article.Version;
        List = list.Value;
        if (diff is { } number)
        {
            // From the article as it is now to the revision: what restoring it would change.
            var compared = await revisions.DiffAsync(id, number, null, actor, ct);
            if (compared.Outcome == RevisionOutcome.Found)
            {
                Compared = number;
                Diff = compared.Value;
            }
        }

        meta.Title = $"Revisions: {Headline}";
        return Page();
    }
}
