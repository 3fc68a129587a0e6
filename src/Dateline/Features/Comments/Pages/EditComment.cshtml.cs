using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Comments.Pages;

/// <summary>
/// A moderator's edit of a comment's text, name and website, under the rules for posting. An
/// invalid edit comes back with every error beside its field and everything typed.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.ModerateCommentsPolicy)]
public sealed class EditCommentModel(DatelineDbContext db, CommentModerator moderator, PageMeta meta) : PageModel
{
    public CommentQueueRow Comment { get; private set; } = null!;

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty(Name = "url")]
    public string? Website { get; set; }

    /// <summary>The queue view to return to.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Back { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Body = Comment.Body;
        Name = Comment.AuthorName;
        Website = Comment.AuthorUrl;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await moderator.EditAsync(id, Body, Name, Website, ct);
        if (!result.Found)
        {
            return NotFound();
        }

        if (result.Saved)
        {
            var back = ReturnPath();
            Response.Headers.Location = $"{back}{(back.Contains('?', StringComparison.Ordinal) ? '&' : '?')}done=edit&count=1#comment-{id}";
            return StatusCode(StatusCodes.Status303SeeOther);
        }

        await LoadAsync(id, ct);
        Errors = result.Errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>Only the queue itself, so that a crafted link cannot send a moderator elsewhere.</summary>
    public string ReturnPath() =>
        Back is { } back && back.StartsWith(CommentQueueFilter.Path, StringComparison.Ordinal) && !back.Contains('#', StringComparison.Ordinal)
            && !back.Any(char.IsControl)
            ? back
            : new CommentQueueFilter(Comment?.Status ?? CommentStatus.Held).Url();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        meta.Title = "Edit comment";
        meta.NoIndex = true;
        if (await ModerationQueries.RowAsync(db, id, ct) is not { } row)
        {
            return false;
        }

        Comment = row;
        return true;
    }
}
