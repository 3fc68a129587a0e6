using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments.Pages;

/// <summary>
/// The newsroom's comment queue: held, approved, spam and trash with their counts, narrowed by
/// article, commenter or words; one comment or many moved at once, spam and trash deleted for
/// good, and replies as staff. Every action posts a small form and comes back to the same view.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.ModerateCommentsPolicy)]
public sealed class QueueModel(
    DatelineDbContext db, CommentModerator moderator, UserManager<NewsroomUser> users, SiteUrls urls, PageMeta meta) : PageModel
{
    public CommentQueueFilter Filter { get; private set; } = new(CommentStatus.Held);
    public IReadOnlyDictionary<CommentStatus, int> Counts { get; private set; } = new Dictionary<CommentStatus, int>();
    public Page<CommentQueueRow> Rows { get; private set; } = new([], 1, false);
    public string? ArticleHeadline { get; private set; }
    public string StaffName { get; private set; } = "";
    public string? Notice { get; private set; }

    /// <summary>A reply that could not be posted, shown again under its comment with what was typed.</summary>
    public StaffReplyForm? Reply { get; private set; }

    public async Task OnGetAsync(string? done, int? count, CancellationToken ct)
    {
        Notice = NoticeFor(done, count ?? 0);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostModerateAsync(int[]? ids, string? decision, CancellationToken ct)
    {
        Filter = CommentQueueFilter.From(Request.Query);
        var selected = ids ?? [];
        if (selected.Length == 0)
        {
            return Done("none", 0);
        }

        if (decision == "delete")
        {
            return Done(decision, await moderator.DeleteAsync(selected, ct));
        }

        if (CommentStatusNames.ForDecision(decision) is not { } status)
        {
            return Done("unknown", 0);
        }

        return Done(decision!, await moderator.MoveAsync(selected, status, urls.BaseUrl(Request), ct));
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, string? body, CancellationToken ct)
    {
        Filter = CommentQueueFilter.From(Request.Query);
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var staff = CommentRequestContext.From(HttpContext, null) with { UserId = user.Id };
        var result = await moderator.ReplyAsync(id, body, user.DisplayName, staff, ct);
        if (result.Outcome is PostCommentOutcome.Approved or PostCommentOutcome.Held)
        {
            return Done("reply", 1);
        }

        var errors = result.Errors;
        if (result.Message is { } message)
        {
            errors.Add("body", message);
        }

        Reply = new StaffReplyForm(id, body, errors);
        Response.StatusCode = result.Outcome switch
        {
            PostCommentOutcome.NotFound => StatusCodes.Status404NotFound,
            PostCommentOutcome.Closed => StatusCodes.Status403Forbidden,
            PostCommentOutcome.Duplicate => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Filter = CommentQueueFilter.From(Request.Query);
        meta.Title = "Comments";
        meta.NoIndex = true;
        Counts = await ModerationQueries.CountsAsync(db, Filter, ct);
        Rows = await ModerationQueries.PageAsync(db, Filter, ModerationQueries.PageSize, ct);
        if (Filter.ArticleId is { } articleId)
        {
            ArticleHeadline = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => a.Headline).FirstOrDefaultAsync(ct);
        }

        StaffName = (await users.GetUserAsync(User))?.DisplayName ?? "";
    }

    // 303 back to the view the moderator came from: the browser follows with a GET, and a reload
    // does not act twice.
    private StatusCodeResult Done(string done, int count)
    {
        Response.Headers.Location = $"{Filter.Url()}&done={Uri.EscapeDataString(done)}&count={count}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private static string? NoticeFor(string? done, int count)
    {
        var comments = count == 1 ? "1 comment" : $"{count} comments";
        return done switch
        {
            "approve" => $"Approved {comments}.",
            "hold" => $"Held {comments} for moderation.",
            "spam" => $"Marked {comments} as spam.",
            "trash" => $"Moved {comments} to the trash.",
            "delete" => $"Deleted {comments} for good.",
            "reply" => "Your reply is published.",
            "edit" => "The comment is saved.",
            "none" => "No comment was selected.",
            "unknown" => "Choose what to do with the selected comments.",
            _ => null,
        };
    }
}
