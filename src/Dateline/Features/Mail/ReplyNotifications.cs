using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Mail;

/// <summary>Mail for reply subscriptions: the double opt-in request, and news of an approved reply.</summary>
public sealed class ReplyNotifications(DatelineDbContext db, Outbox outbox, SubscriptionLinks links, SiteClock clock, IOptionsMonitor<DatelineOptions> options)
{
    /// <summary>Records the wish and mails the confirmation link; saved by the caller.</summary>
    public async Task RequestAsync(Comment comment, string headline, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.AuthorEmail is null || await db.Set<ReplySubscription>().AnyAsync(s => s.CommentId == comment.Id, ct))
        {
            return;
        }

        var subscription = new ReplySubscription { CommentId = comment.Id, CreatedAt = clock.UtcNow };
        db.Set<ReplySubscription>().Add(subscription);
        await db.SaveChangesAsync(ct);
        outbox.Enqueue(comment.AuthorEmail, $"[{options.CurrentValue.SiteTitle}] Confirm replies to your comment", $"""
            You asked to be told by e-mail when someone replies to your comment on "{headline}".
            Confirm it here (nothing is sent until you do):
            {links.ConfirmUrl(baseUrl, subscription.Id)}

            If it was not you, ignore this message, or stop it for good:
            {links.UnsubscribeUrl(baseUrl, subscription.Id)}
            """);
    }

    /// <summary>Tells the parent's author of a newly approved reply, if they confirmed; saved by the caller.</summary>
    public async Task ReplyApprovedAsync(int replyId, string baseUrl, CancellationToken ct)
    {
        var reply = await db.Comments.AsNoTracking().Where(c => c.Id == replyId && c.Status == CommentStatus.Approved && c.ParentId != null)
            .Select(c => new { c.Id, c.ParentId, c.AuthorName, c.AuthorEmail, c.Body, c.ArticleId }).FirstOrDefaultAsync(ct);
        if (reply is null)
        {
            return;
        }

        var target = await (from s in db.Set<ReplySubscription>()
                            join parent in db.Comments on s.CommentId equals parent.Id
                            join article in db.Articles on parent.ArticleId equals article.Id
                            where s.CommentId == reply.ParentId && s.ConfirmedAt != null && parent.AuthorEmail != null
                            select new { s.Id, parent.AuthorEmail, article.Headline, article.PathDate, article.Slug }).FirstOrDefaultAsync(ct);
        if (target is null || target.AuthorEmail == reply.AuthorEmail || target.PathDate is null)
        {
            return;
        }

        outbox.Enqueue(target.AuthorEmail!, $"[{options.CurrentValue.SiteTitle}] New reply to your comment on \"{target.Headline}\"", $"""
            {reply.AuthorName} replied to your comment on "{target.Headline}":

            {reply.Body}

            Read it in place: {baseUrl}{ArticlePaths.Of(target.PathDate.Value, target.Slug)}#comment-{reply.Id}

            Stop these e-mails: {links.UnsubscribeUrl(baseUrl, target.Id)}
            """);
    }
}
