using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments;

/// <summary>
/// Takes a comment from any way in (form or JSON): checks the article, the fields, the thread,
/// floods and duplicates, decides its status, and saves it. Outcomes are values, not exceptions.
/// A newsroom user's comment (<see cref="CommentContext.UserId"/> set) is checked and rendered the
/// same way but skips the rate, flood, closing and moderation rules, is approved at once and needs
/// no e-mail.
/// </summary>
public sealed partial class CommentPoster(
    DatelineDbContext db, CommentRenderer renderer, DiscussionSettingsStore settingsStore, SiteClock clock,
    Mail.CommentNotifications notifications, Mail.ReplyNotifications replies, AddressConfirmation confirmation, PageCache cache, CommentRateLimits limits,
    CommentWriteTurns writeTurns, ILogger<CommentPoster> logger)
{
    public async Task<PostCommentResult> PostAsync(CommentInput raw, CommentContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.UtcNow;
        if (context.UserId is null && !limits.TryTake(context.Ip, out var retryAfter))
        {
            return new PostCommentResult(PostCommentOutcome.Flood)
            {
                Input = raw,
                RetryAfterSeconds = retryAfter,
                Message = $"Too many comments from your address in the last minute. Please wait {retryAfter} seconds and try again.",
            };
        }

        var article = await db.Articles.AsNoTracking().Published(now).Where(a => a.Id == raw.ArticleId)
            .Select(a => new { a.Id, a.Headline, a.CommentsOpen, a.PublishedAt, a.PathDate, a.Slug })
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return new PostCommentResult(PostCommentOutcome.NotFound) { Input = raw, Message = "There is no published article to comment on here." };
        }

        var path = ArticlePaths.Of(article.PathDate!.Value, article.Slug);
        var settings = await settingsStore.GetAsync(ct);
        var errors = new FieldErrors();
        var staff = context.UserId is not null;
        var input = CommentValidator.Validate(raw, errors, emailRequired: !staff);
        // As in WordPress, closing an article stops readers, not the newsroom answering them.
        if (!staff && !settings.AcceptsComments(article.CommentsOpen, article.PublishedAt, now))
        {
            return new PostCommentResult(PostCommentOutcome.Closed, path) { Input = input, Message = "Comments are closed on this article." };
        }

        var parentId = await ResolveParentAsync(article.Id, input.ParentId, settings.ThreadDepth, errors, ct);
        if (!errors.IsEmpty)
        {
            return new PostCommentResult(PostCommentOutcome.Invalid, path) { Input = input, Errors = errors };
        }

        input = input with { ParentId = parentId };
        // Stored lower-cased, so that one address is one commenter however it is typed.
        var email = input.Email?.ToLowerInvariant();
        if (await db.Comments.AnyAsync(c => c.ArticleId == article.Id && c.ParentId == parentId && c.Status != CommentStatus.Trash
            && c.AuthorName == input.Name && c.AuthorEmail == email && c.Body == input.Body, ct))
        {
            return new PostCommentResult(PostCommentOutcome.Duplicate, path) { Input = input, Message = "Duplicate comment: it looks as though you have already said that." };
        }

        if (!staff && await FloodWaitAsync(settings, context.Ip, email!, now, ct) is > 0 and var wait)
        {
            return new PostCommentResult(PostCommentOutcome.Flood, path)
            {
                Input = input,
                RetryAfterSeconds = wait,
                Message = $"You are posting comments too quickly. Please wait {wait} seconds and try again.",
            };
        }

        var trusted = staff || (context.CommenterKeyHash is not null && await db.Comments.AnyAsync(
            c => c.CommenterKey == context.CommenterKeyHash && c.Status == CommentStatus.Approved && c.AuthorEmail == email, ct));
        var (status, reason) = Decide(settings, input, context, trusted, now);
        if (reason == "first-comment" && context.CommenterKeyHash is not null && await confirmation.IsKnownAddressAsync(email!, ct))
        {
            reason = AddressConfirmation.Reason;
        }

        var comment = new Comment
        {
            ArticleId = article.Id,
            ParentId = parentId,
            Status = status,
            Reason = reason,
            AuthorName = input.Name!,
            AuthorEmail = email,
            AuthorUrl = input.Url,
            AuthorIp = context.Ip,
            UserAgent = context.UserAgent is { Length: > 500 } ua ? ua[..500] : context.UserAgent,
            CommenterKey = context.CommenterKeyHash,
            UserId = context.UserId,
            Body = input.Body!,
            BodyHtml = renderer.ToHtml(input.Body!),
            CreatedAt = now,
        };
        // The comment and its mail rows are committed together: one commit (on SQLite, one fsync
        // with the write lock held) instead of two, and no comment without its notifications.
        // A caller's own transaction, where there is one, is used instead.
        using var turn = db.Database.IsSqlite() && db.Database.CurrentTransaction is null ? await writeTurns.EnterAsync(ct) : null;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);

        // The id exists now, for links in the mail; the mail rows follow in a second save.
        await notifications.QueueAsync(comment, article.Headline, path, context.BaseUrl ?? "", ct);
        if (reason == AddressConfirmation.Reason)
        {
            await confirmation.RequestAsync(comment, article.Headline, context.BaseUrl ?? "", ct);
        }

        if (input.Subscribe && status is CommentStatus.Approved or CommentStatus.Held)
        {
            await replies.RequestAsync(comment, article.Headline, context.BaseUrl ?? "", ct);
        }

        if (status == CommentStatus.Approved)
        {
            await replies.ReplyApprovedAsync(comment.Id, context.BaseUrl ?? "", ct);
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        // After the commit, so that a page rebuilt at once shows the comment.
        if (status == CommentStatus.Approved)
        {
            await cache.CommentsChangedAsync([article.Id], ct);
        }

        LogPosted(logger, comment.Id, article.Id, status, reason ?? "-");
        return new PostCommentResult(status == CommentStatus.Approved ? PostCommentOutcome.Approved : PostCommentOutcome.Held, path, comment.Id) { Input = input };
    }

    // A robot that fills the hidden field, or submits faster than anyone types, is told its comment is
    // held (so it learns nothing) while the comment waits in spam or the queue.
    private static (CommentStatus, string?) Decide(DiscussionSettings settings, CommentInput input, CommentContext context, bool trusted, DateTime now)
    {
        if (context.UserId is not null)
        {
            return (CommentStatus.Approved, null);
        }

        if (!string.IsNullOrEmpty(input.Honeypot))
        {
            return (CommentStatus.Spam, "honeypot");
        }

        var (status, reason) = CommentModeration.Decide(settings, input, context.Ip, context.UserAgent, trusted);
        // Checked for first comments too, so that a robot never causes an address-confirmation mail.
        if ((status == CommentStatus.Approved || reason == "first-comment")
            && input.FormRenderedAt is { } rendered && (now - rendered).TotalSeconds < settings.MinimumSecondsToSubmit)
        {
            return (CommentStatus.Held, "too-fast");
        }

        return (status, reason);
    }

    /// <summary>The parent to store: an approved comment on the same article, lifted to fit the depth.</summary>
    private async Task<int?> ResolveParentAsync(int articleId, int? requested, int maxDepth, FieldErrors errors, CancellationToken ct)
    {
        if (requested is not > 0)
        {
            return null;
        }

        var chain = new List<int>();
        for (int? id = requested; id is not null && chain.Count <= 64; )
        {
            var current = id.Value;
            var node = await db.Comments.AsNoTracking().Where(c => c.Id == current)
                .Select(c => new { c.ArticleId, c.ParentId, c.Status }).FirstOrDefaultAsync(ct);
            if (node is null || node.ArticleId != articleId || (chain.Count == 0 && node.Status != CommentStatus.Approved))
            {
                errors.Add("parentId", "The comment you are replying to is not on this article, or is not published.");
                return null;
            }

            chain.Add(current);
            id = node.ParentId;
        }

        // chain[0] is the parent at depth chain.Count; chain[^1] is the top-level comment at depth 1.
        // A reply that would sit deeper than allowed goes under the ancestor at the deepest level left.
        if (chain.Count < maxDepth)
        {
            return chain[0];
        }

        return maxDepth <= 1 ? null : chain[chain.Count - (maxDepth - 1)];
    }

    private async Task<int> FloodWaitAsync(DiscussionSettings settings, string? ip, string email, DateTime now, CancellationToken ct)
    {
        if (settings.FloodSeconds <= 0)
        {
            return 0;
        }

        var since = now.AddSeconds(-settings.FloodSeconds);
        var last = await db.Comments
            .Where(c => c.CreatedAt > since && ((ip != null && c.AuthorIp == ip) || c.AuthorEmail == email))
            .MaxAsync(c => (DateTime?)c.CreatedAt, ct);
        return last is { } at ? Math.Max(1, (int)Math.Ceiling((at.AddSeconds(settings.FloodSeconds) - now).TotalSeconds)) : 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on article {ArticleId}: {Status} ({Reason})")]
    private static partial void LogPosted(ILogger logger, int commentId, int articleId, CommentStatus status, string reason);
}
