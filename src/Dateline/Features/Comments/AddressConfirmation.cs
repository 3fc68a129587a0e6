using System.Globalization;
using System.Security.Cryptography;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Mail;
using Dateline.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Comments;

/// <summary>
/// The second way trust travels: a commenter already approved under an address, writing from a
/// browser the site has not seen, is held like anyone new, and the address is mailed a link.
/// Opening it proves the mailbox is theirs: the comment is published, and the browser that wrote it
/// is trusted from then on. A stranger typing the address gains nothing, and the mail
/// goes only to addresses that already have an approved comment, at most once a day.
/// </summary>
public sealed class AddressConfirmation(
    DatelineDbContext db, Outbox outbox, CommentNotifications notifications,
    DiscussionSettingsStore settings, IDataProtectionProvider protection, SiteClock clock, PageCache cache, IOptionsMonitor<DatelineOptions> options)
{
    /// <summary>The reason recorded on a comment held until its author confirms the address.</summary>
    public const string Reason = "new-browser";

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector protector =
        protection.CreateProtector("Dateline.Comments.AddressConfirmation").ToTimeLimitedDataProtector();

    /// <summary>Whether a comment that would be held as a first comment should ask its address instead.</summary>
    public Task<bool> IsKnownAddressAsync(string email, CancellationToken ct) =>
        db.Comments.AnyAsync(c => c.AuthorEmail == email && c.Status == CommentStatus.Approved, ct);

    /// <summary>Mails the link for a comment just held with <see cref="Reason"/>; saved by the caller.</summary>
    public async Task RequestAsync(Comment comment, string headline, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var since = clock.UtcNow.AddDays(-1);
        if (comment.AuthorEmail is null || await db.Comments.AnyAsync(
                c => c.AuthorEmail == comment.AuthorEmail && c.Reason == Reason && c.Id != comment.Id && c.CreatedAt > since, ct))
        {
            return;
        }

        var token = protector.Protect(comment.Id.ToString(CultureInfo.InvariantCulture), Lifetime);
        outbox.Enqueue(comment.AuthorEmail, $"[{options.CurrentValue.SiteTitle}] Confirm your comment on \"{headline}\"", $"""
            A comment on "{headline}" was posted with this address from a browser that has not
            commented here before, so it is waiting.

            If it was you, publish it here; comments from that browser will then appear at once:
            {baseUrl}/comments/confirm?token={Uri.EscapeDataString(token)}

            If it was not you, ignore this message: the comment stays with the moderators.
            The link works for seven days.
            """);
    }

    /// <summary>The comment a link names, or null when it is forged, mangled or out of date.</summary>
    public int? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            return int.TryParse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Publishes the named comment, the one the owner saw on the page, if it still waits for its
    /// address and its article still takes comments; the browser that wrote it is trusted from
    /// then on. Returns false when there was nothing to publish.
    /// </summary>
    public async Task<bool> ConfirmAsync(int commentId, string baseUrl, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var article = await (from c in db.Comments
                             join a in db.Articles.Published(now) on c.ArticleId equals a.Id
                             where c.Id == commentId
                             select new { a.Id, a.CommentsOpen, a.PublishedAt }).FirstOrDefaultAsync(ct);
        if (article is null || !(await settings.GetAsync(ct)).AcceptsComments(article.CommentsOpen, article.PublishedAt, now))
        {
            return false;
        }

        // One update that only a waiting comment matches: two presses at once publish (and mail) once.
        var changed = await db.Comments.Where(c => c.Id == commentId && c.Status == CommentStatus.Held && c.Reason == Reason)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Approved).SetProperty(c => c.Reason, (string?)null), ct);
        if (changed == 0)
        {
            return false;
        }

        await notifications.ApprovedAsync([commentId], baseUrl, ct);
        await db.SaveChangesAsync(ct);
        await cache.CommentsChangedAsync([article.Id], ct);
        return true;
    }
}
