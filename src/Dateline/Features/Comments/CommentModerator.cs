using Dateline.Data;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments;

/// <summary>
/// What moderators do to comments, for the newsroom pages and the newsroom API alike: move them
/// between held, approved, spam and trash (one or many at once), delete spam and trash for good,
/// edit, and reply as staff. Each change evicts the cached pages that show it before returning,
/// and a newly approved comment sends the mail a comment approved on posting would have sent.
/// </summary>
public sealed partial class CommentModerator(
    DatelineDbContext db, CommentPoster poster, CommentRenderer renderer, SiteClock clock,
    Mail.CommentNotifications notifications, PageCache cache, ILogger<CommentModerator> logger)
{
    /// <summary>Moves the comments to a status; answers how many of the ids exist.</summary>
    public async Task<int> MoveAsync(IReadOnlyCollection<int> ids, CommentStatus status, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().ToList();
        var before = await db.Comments.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .Select(c => new { c.Id, c.ArticleId, c.Status }).ToListAsync(ct);
        var moving = before.Where(c => c.Status != status).ToList();
        if (moving.Count > 0)
        {
            var movingIds = moving.Select(c => c.Id).ToList();
            // A moderator's decision replaces the automatic reason. Between two hidden statuses
            // (held and spam) nothing public changes. Which rows leave a shown status is told by
            // the updates themselves, since another moderator may approve one meanwhile: the
            // shown rows move first, then the hidden ones, then any shown since the first.
            Task<int> MoveRowsAsync(bool fromShown) => db.Comments
                .Where(c => movingIds.Contains(c.Id) && c.Status != status
                    && (c.Status == CommentStatus.Approved || c.Status == CommentStatus.Trash) == fromShown)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status).SetProperty(c => c.Reason, (string?)null), ct);
            var shown = await MoveRowsAsync(fromShown: true);
            var hidden = await MoveRowsAsync(fromShown: false);
            shown += await MoveRowsAsync(fromShown: true);
            if (ShowsOnPublicPages(status))
            {
                shown += hidden;
            }

            if (shown > 0)
            {
                await cache.CommentsChangedAsync(moving.Select(c => c.ArticleId), ct);
            }

            if (status == CommentStatus.Approved)
            {
                await notifications.ApprovedAsync(movingIds, baseUrl, ct);
                await db.SaveChangesAsync(ct);
            }

            LogMoved(logger, moving.Count, status);
        }

        return before.Count;
    }

    /// <summary>
    /// Whether a comment in this status is on the shared public pages: approved, or trashed (its
    /// "removed" placeholder holds its approved replies in place). Held comments are shown only
    /// to their writer, on a page never cached, and spam nowhere.
    /// </summary>
    private static bool ShowsOnPublicPages(CommentStatus status) => status is CommentStatus.Approved or CommentStatus.Trash;

    /// <summary>
    /// Deletes spam and trashed comments for good (others among the ids are left alone); answers
    /// how many went. Their replies move up to the deleted comment's own parent, as in WordPress,
    /// so no reply is lost and the parent key, which restricts deletes on both databases, holds.
    /// </summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var wanted = ids.Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var doomed = await db.Comments.AsNoTracking()
            .Where(c => wanted.Contains(c.Id) && (c.Status == CommentStatus.Spam || c.Status == CommentStatus.Trash))
            .Select(c => new { c.Id, c.ParentId, c.ArticleId, c.Status }).ToDictionaryAsync(c => c.Id, ct);
        if (doomed.Count == 0)
        {
            return 0;
        }

        // When a comment and its parent both go, its replies climb to the nearest ancestor that stays.
        int? Survivor(int? parentId)
        {
            while (parentId is { } id && doomed.TryGetValue(id, out var parent))
            {
                parentId = parent.ParentId;
            }

            return parentId;
        }

        // Spam shows nowhere, but replies that climb change where they are shown.
        var changed = doomed.Values.Where(c => c.Status == CommentStatus.Trash).Select(c => c.ArticleId).ToHashSet();
        foreach (var group in doomed.Values.GroupBy(c => Survivor(c.ParentId)))
        {
            var from = group.Select(c => c.Id).ToList();
            var to = group.Key;
            if (await db.Comments.Where(c => c.ParentId != null && from.Contains(c.ParentId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, to), ct) > 0)
            {
                changed.UnionWith(group.Select(c => c.ArticleId));
            }
        }

        var doomedIds = doomed.Keys.ToList();
        var deleted = await db.Comments.Where(c => doomedIds.Contains(c.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        await cache.CommentsChangedAsync(changed, ct);
        LogDeleted(logger, deleted);
        return deleted;
    }

    /// <summary>Changes a comment's text, name and website under the rules for posting, and renders it again.</summary>
    public async Task<CommentEditResult> EditAsync(int id, string? body, string? name, string? url, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (comment is null)
        {
            return new CommentEditResult(false, errors);
        }

        var input = CommentValidator.Validate(new CommentInput(comment.ArticleId, comment.ParentId, body, name, null, url), errors, emailRequired: false);
        if (!errors.IsEmpty)
        {
            return new CommentEditResult(true, errors);
        }

        comment.Body = input.Body!;
        comment.BodyHtml = renderer.ToHtml(input.Body!);
        comment.AuthorName = input.Name!;
        comment.AuthorUrl = input.Url;
        comment.UpdatedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        // A removed comment's placeholder shows neither its text nor its name. The status is read
        // again after the save: an approval since the comment was read has evicted before it.
        if (await db.Comments.AsNoTracking().AnyAsync(c => c.Id == id && c.Status == CommentStatus.Approved, ct))
        {
            await cache.CommentsChangedAsync([comment.ArticleId], ct);
        }

        LogEdited(logger, id);
        return new CommentEditResult(true, errors);
    }

    /// <summary>
    /// Posts a newsroom user's reply under a comment, approved at once and marked as staff. As in
    /// WordPress, replying to a held comment approves it, since a reply under an unseen comment
    /// would make no sense; spam and trash must be approved first.
    /// </summary>
    public async Task<PostCommentResult> ReplyAsync(int parentId, string? body, string name, CommentContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.UserId is null)
        {
            throw new ArgumentException("A staff reply needs the newsroom user who writes it.", nameof(staff));
        }

        var parent = await db.Comments.AsNoTracking().Where(c => c.Id == parentId)
            .Select(c => new { c.ArticleId, c.Status }).FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            return new PostCommentResult(PostCommentOutcome.NotFound) { Message = "There is no comment with that id to reply to." };
        }

        var errors = new FieldErrors();
        var input = CommentValidator.Validate(new CommentInput(parent.ArticleId, parentId, body, name, null, null), errors, emailRequired: false);
        if (parent.Status is CommentStatus.Spam or CommentStatus.Trash)
        {
            errors.Add("parentId", "Approve the comment before replying to it.");
        }

        if (!errors.IsEmpty)
        {
            return new PostCommentResult(PostCommentOutcome.Invalid) { Input = input, Errors = errors };
        }

        if (parent.Status == CommentStatus.Held)
        {
            await MoveAsync([parentId], CommentStatus.Approved, staff.BaseUrl ?? "", ct);
        }

        return await poster.PostAsync(input, staff, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation moved {Count} comments to {Status}")]
    private static partial void LogMoved(ILogger logger, int count, CommentStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation deleted {Count} comments for good")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation edited comment {CommentId}")]
    private static partial void LogEdited(ILogger logger, int commentId);
}
