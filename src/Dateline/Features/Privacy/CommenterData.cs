using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Comments;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Privacy;

/// <summary>
/// WordPress-style privacy tools for commenters: everything stored about an e-mail address,
/// and its erasure. Erasing keeps the comments and the thread's shape, signed "Anonymous".
/// </summary>
public sealed class CommenterData(DatelineDbContext db, SiteClock clock, Web.PageCache cache)
{
    public const string AnonymousName = "Anonymous";

    public async Task<CommenterExport> ExportAsync(string email, CancellationToken ct)
    {
        var address = Normalize(email);
        var rows = await db.Comments.AsNoTracking()
            .Where(c => c.AuthorEmail == address)
            .OrderBy(c => c.CreatedAt)
            .Select(c => new
            {
                c.Id, c.ArticleId, c.ParentId, c.Status, c.AuthorName, c.AuthorUrl, c.AuthorIp, c.UserAgent, c.Body, c.CreatedAt,
                Article = db.Articles.Where(a => a.Id == c.ArticleId).Select(a => new { a.Headline, a.PathDate, a.Slug }).First(),
            })
            .ToListAsync(ct);
        return new CommenterExport(address, clock.UtcNow, [.. rows.Select(r => new CommenterExportComment(
            r.Id, r.ArticleId, r.Article.Headline, r.Article.PathDate is { } date ? ArticlePaths.Of(date, r.Article.Slug) : null,
            r.ParentId, r.Status.ToString().ToLowerInvariant(), r.AuthorName, r.AuthorUrl, r.AuthorIp, r.UserAgent, r.Body, r.CreatedAt))]);
    }

    /// <summary>Removes the person from their comments; returns how many comments were anonymized.</summary>
    public async Task<int> EraseAsync(string email, CancellationToken ct)
    {
        var address = Normalize(email);
        var articles = await db.Comments.Where(c => c.AuthorEmail == address).Select(c => c.ArticleId).Distinct().ToListAsync(ct);
        var erased = await db.Comments.Where(c => c.AuthorEmail == address).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.AuthorName, AnonymousName)
            .SetProperty(c => c.AuthorEmail, (string?)null)
            .SetProperty(c => c.AuthorUrl, (string?)null)
            .SetProperty(c => c.AuthorIp, (string?)null)
            .SetProperty(c => c.UserAgent, (string?)null)
            .SetProperty(c => c.CommenterKey, (string?)null), ct);
        await cache.CommentsChangedAsync(articles, ct);
        return erased;
    }

    /// <summary>Forgets addresses and browsers of comments older than the configured days.</summary>
    public async Task<int> EraseOldAddressesAsync(int days, CancellationToken ct)
    {
        var before = clock.UtcNow.AddDays(-days);
        return await db.Comments.Where(c => c.CreatedAt < before && (c.AuthorIp != null || c.UserAgent != null))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorIp, (string?)null).SetProperty(c => c.UserAgent, (string?)null), ct);
    }

    // Comments store addresses lower-cased; so do look-ups.
    private static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
