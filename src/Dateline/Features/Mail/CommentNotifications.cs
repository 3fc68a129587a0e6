using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Mail;

/// <summary>
/// Who hears of a new comment, after WordPress: moderators of a held one, with a link to the
/// queue; the article's authors of an approved one. Mail joins the comment's own save.
/// </summary>
public sealed class CommentNotifications(DatelineDbContext db, Outbox outbox, ReplyNotifications replies, IOptionsMonitor<DatelineOptions> options)
{
    private static readonly string[] ModeratorRoles = Capabilities.RolesWith(Capabilities.ModerateComments);

    public async Task QueueAsync(Comment comment, string headline, string articlePath, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var site = options.CurrentValue.SiteTitle;
        var link = $"{baseUrl}{articlePath}#comment-{comment.Id}";

        // As in WordPress's mails, a reply links to the comment it answers, which is always an
        // approved one, so the link works for whoever reads the mail.
        var inReplyTo = comment.ParentId is { } parentId ? $"In reply to: {baseUrl}{articlePath}#comment-{parentId}\n" : "";
        if (comment.Status == CommentStatus.Held)
        {
            var moderators = await (from user in db.Users
                                    join userRole in db.UserRoles on user.Id equals userRole.UserId
                                    join role in db.Roles on userRole.RoleId equals role.Id
                                    where ModeratorRoles.Contains(role.Name!) && user.Email != null
                                    select user.Email!).Distinct().ToListAsync(ct);
            foreach (var email in moderators)
            {
                outbox.Enqueue(email, $"[{site}] Please moderate: \"{headline}\"", $"""
                    A new comment on "{headline}" is waiting for approval ({comment.Reason ?? "held"}).
                    {baseUrl}{articlePath}
                    {inReplyTo}
                    Author: {comment.AuthorName} ({comment.AuthorEmail})
                    Website: {comment.AuthorUrl}
                    Comment:
                    {comment.Body}

                    Moderate it in the queue: {baseUrl}/newsroom/comments?status=held
                    """);
            }
        }
        else if (comment.Status == CommentStatus.Approved)
        {
            // Nobody hears of their own comment: a reader by address, a newsroom user by account.
            var authors = await db.Articles.Where(a => a.Id == comment.ArticleId)
                .SelectMany(a => a.Authors.Select(x => x.Author.UserId))
                .Where(userId => comment.UserId == null || userId != comment.UserId)
                .Join(db.Users, userId => userId, user => user.Id, (_, user) => user.Email)
                .Where(email => email != null && email != comment.AuthorEmail)
                .Distinct().ToListAsync(ct);
            foreach (var email in authors)
            {
                outbox.Enqueue(email!, $"[{site}] Comment: \"{headline}\"", $"""
                    New comment on your article "{headline}":
                    {inReplyTo}
                    Author: {comment.AuthorName}
                    Comment:
                    {comment.Body}

                    See it in place: {link}
                    """);
            }
        }
    }

    /// <summary>
    /// Mail for comments approved after they were posted (by a moderator, or by their author's
    /// confirmed address): what approval on posting would have sent, to the article's authors and
    /// to a parent's subscribed author. Saved by the caller.
    /// </summary>
    public async Task ApprovedAsync(IReadOnlyCollection<int> commentIds, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(commentIds);
        var ids = commentIds.ToList();
        var approved = await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Status == CommentStatus.Approved)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var articleIds = approved.Select(c => c.ArticleId).Distinct().ToList();
        var articles = await db.Articles.AsNoTracking().Where(a => articleIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Headline, a.PathDate, a.Slug }).ToDictionaryAsync(a => a.Id, ct);
        foreach (var comment in approved)
        {
            if (articles.TryGetValue(comment.ArticleId, out var article) && article.PathDate is { } date)
            {
                await QueueAsync(comment, article.Headline, Articles.ArticlePaths.Of(date, article.Slug), baseUrl, ct);
            }

            await replies.ReplyApprovedAsync(comment.Id, baseUrl, ct);
        }
    }
}
