using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments.Pages;

public enum ConfirmState
{
    Ask,
    Published,
    WithModerators,
    Invalid,
}

/// <summary>
/// The page behind an address-confirmation mail. Opening the link only shows the comment and a
/// button, because mail scanners fetch links; pressing it publishes. Pressing twice is harmless.
/// </summary>
public sealed class ConfirmModel(DatelineDbContext db, AddressConfirmation confirmation, SiteUrls urls, PageMeta meta) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public ConfirmState State { get; private set; }
    public string Body { get; private set; } = "";
    public string CommentPath { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(apply: false, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await ShowAsync(apply: true, ct);

    private async Task<IActionResult> ShowAsync(bool apply, CancellationToken ct)
    {
        meta.Title = "Publish your comment";
        meta.NoIndex = true;
        var id = confirmation.Read(Token);
        var comment = id is null ? null : await (
            from c in db.Comments.AsNoTracking()
            join a in db.Articles on c.ArticleId equals a.Id
            where c.Id == id
            select new { c.Id, c.Status, c.Reason, c.Body, a.PathDate, a.Slug }).FirstOrDefaultAsync(ct);
        if (comment is null || comment.PathDate is null)
        {
            State = ConfirmState.Invalid;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        CommentPath = $"{ArticlePaths.Of(comment.PathDate.Value, comment.Slug)}#comment-{comment.Id}";
        Body = comment.Body;
        var waiting = comment.Status == CommentStatus.Held && comment.Reason == AddressConfirmation.Reason;
        if (comment.Status == CommentStatus.Approved)
        {
            State = ConfirmState.Published;
        }
        else if (!waiting)
        {
            State = ConfirmState.WithModerators;
        }
        else if (apply)
        {
            State = await confirmation.ConfirmAsync(comment.Id, urls.BaseUrl(Request), ct) ? ConfirmState.Published : ConfirmState.WithModerators;
        }
        else
        {
            State = ConfirmState.Ask;
        }

        return Page();
    }
}
