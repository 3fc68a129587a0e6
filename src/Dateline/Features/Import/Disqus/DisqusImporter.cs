using System.Globalization;
using System.Text.RegularExpressions;
using Dateline.Data;
using Dateline.Features.Comments;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;
using static Dateline.Features.Import.ImportValues;

namespace Dateline.Features.Import.Disqus;

/// <summary>
/// Imports a Disqus export into the comments of the articles its threads were about. A thread is
/// matched by the identifier the site gave Disqus (an imported post's WordPress id or address, or
/// an article's slug) or by its link (an imported article's old address, or its address now).
/// The file is read twice as a stream, first for the threads, then for the posts, which are saved
/// in batches; replies are joined to their parents at the end, since a reply can come first.
/// Posts keep their Disqus id, so a second run adds nothing and updates what changed.
/// </summary>
public sealed partial class DisqusImporter(IServiceScopeFactory scopes, SiteClock clock)
{
    private const string Prefix = "disqus:";
    private const int BatchSize = 500;

    public sealed record Progress(int Posts, int Line);

    private sealed class ThreadState(DisqusThread thread)
    {
        public DisqusThread Thread { get; } = thread;
        public bool Matched { get; set; }
        public int? ArticleId { get; set; }
        public int Unmatched { get; set; }
    }

    private sealed record Pending(DisqusPost Post, string OriginalId, int ArticleId);

    private sealed record Reply(string OriginalId, string ParentOriginalId, int ArticleId, string Label);

    public async Task<DisqusImportReport> ImportAsync(Func<Stream> open, IProgress<Progress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(open);
        var report = new DisqusImportReport();
        var threads = ReadThreads(open, report);

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<CommentRenderer>();
        // Addresses older than the site keeps them are not brought in only to be erased.
        var settings = await scope.ServiceProvider.GetRequiredService<DiscussionSettingsStore>().GetAsync(ct);
        var keepIpsFrom = clock.UtcNow.AddDays(-settings.EraseIpAfterDays);
        var known = await db.Comments.AsNoTracking()
            .Where(c => c.OriginalId != null && c.OriginalId.StartsWith(Prefix))
            .Select(c => new { c.OriginalId, c.Id, c.ArticleId })
            .ToDictionaryAsync(c => c.OriginalId!, c => (c.Id, c.ArticleId), StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<Pending>(BatchSize);
        var replies = new List<Reply>();
        var touched = new HashSet<int>();

        using (var stream = open())
        using (var reader = new DisqusReader(stream))
        {
            var posts = 0;
            foreach (var post in reader.Records().OfType<DisqusPost>())
            {
                if (++posts % 1000 == 0)
                {
                    progress?.Report(new Progress(posts, reader.Line));
                }

                var label = $"post {post.Key ?? "(no id)"} at line {post.Line.ToString(CultureInfo.InvariantCulture)}";
                if (post.Key is not { Length: <= 100 - 7 } key)
                {
                    report.Problems.Add($"{label}: skipped, it has no usable id (dsq:id or <id>)");
                    continue;
                }

                if (post.ThreadId is null || !threads.TryGetValue(post.ThreadId, out var thread))
                {
                    report.Problems.Add($"{label}: skipped, its thread {post.ThreadId ?? "(none)"} is not in the file");
                    continue;
                }

                if (thread.Thread.IsDeleted)
                {
                    report.InDeletedThreads++;
                    continue;
                }

                if (!thread.Matched)
                {
                    thread.ArticleId = await MatchAsync(db, thread.Thread, ct);
                    thread.Matched = true;
                    report.ThreadsMatched += thread.ArticleId is null ? 0 : 1;
                }

                if (thread.ArticleId is not { } articleId)
                {
                    thread.Unmatched++;
                    continue;
                }

                var originalId = Prefix + key;
                if (!seen.Add(originalId))
                {
                    report.Problems.Add($"{label}: skipped, an earlier post in the file has the same id");
                    continue;
                }

                batch.Add(new Pending(post, originalId, articleId));
                touched.Add(articleId);
                if (post.ParentId is { } parent)
                {
                    replies.Add(new Reply(originalId, Prefix + parent, articleId, label));
                }

                if (batch.Count == BatchSize)
                {
                    await SaveAsync(db, renderer, batch, known, keepIpsFrom, report, ct);
                }
            }

            await SaveAsync(db, renderer, batch, known, keepIpsFrom, report, ct);
            progress?.Report(new Progress(posts, reader.Line));
        }

        await JoinThreadsAsync(db, replies, known, report, ct);
        foreach (var state in threads.Values.Where(t => t.Unmatched > 0))
        {
            report.Unmatched.Add(new DisqusImportReport.UnmatchedThread(state.Thread.DsqId!, state.Thread.Identifier, state.Thread.Link, state.Thread.Title, state.Unmatched));
        }

        var cache = scope.ServiceProvider.GetRequiredService<PageCache>();
        foreach (var articleId in touched)
        {
            await cache.ArticleChangedAsync(articleId, ct);
        }

        return report;
    }

    // First pass: every thread by its Disqus id; a malformed file stops here, before anything is written.
    private static Dictionary<string, ThreadState> ReadThreads(Func<Stream> open, DisqusImportReport report)
    {
        var threads = new Dictionary<string, ThreadState>(StringComparer.Ordinal);
        using var stream = open();
        using var reader = new DisqusReader(stream);
        foreach (var record in reader.Records())
        {
            switch (record)
            {
                case DisqusThread thread:
                    report.Threads++;
                    if (thread.DsqId is null)
                    {
                        report.Problems.Add($"thread at line {thread.Line}: it has no dsq:id, so no post can belong to it");
                    }
                    else if (!threads.TryAdd(thread.DsqId, new ThreadState(thread)))
                    {
                        report.Problems.Add($"thread {thread.DsqId} at line {thread.Line}: skipped, an earlier thread has the same id");
                    }

                    break;
                case DisqusBadRecord bad:
                    report.Problems.Add($"{bad.Label}: {bad.Reason}");
                    break;
            }
        }

        return threads;
    }

    private static async Task<int?> MatchAsync(DatelineDbContext db, DisqusThread thread, CancellationToken ct)
    {
        if (thread.Identifier is { } identifier)
        {
            // An import from WordPress keeps each post's WordPress address as its original id.
            if (await db.Articles.Where(a => a.OriginalId == identifier).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct) is { } byOriginal)
            {
                return byOriginal;
            }

            // WordPress's Disqus plugin names a thread "123 http://example.com/?p=123".
            var url = identifier.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            if (await ByUrlAsync(db, url, ct) is { } byUrl)
            {
                return byUrl;
            }

            // Other sites often gave Disqus the page's slug; it counts only when one article has it.
            var bySlug = await db.Articles.Where(a => a.Slug == identifier).OrderBy(a => a.Id).Select(a => a.Id).Take(2).ToListAsync(ct);
            if (bySlug.Count == 1)
            {
                return bySlug[0];
            }
        }

        return thread.Link is { } link ? await ByUrlAsync(db, link, ct) : null;
    }

    private static async Task<int?> ByUrlAsync(DatelineDbContext db, string url, CancellationToken ct)
    {
        if (OldAddresses.FromUrl(url) is not { } path)
        {
            return null;
        }

        if (await db.OldAddresses.Where(o => o.Path == path).Select(o => (int?)o.ArticleId).FirstOrDefaultAsync(ct) is { } old)
        {
            return old;
        }

        // The thread may already be about the article's address on Dateline.
        var m = DatelinePath().Match(path);
        if (!m.Success || !DateOnly.TryParseExact($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var slug = m.Groups[4].Value;
        return await db.Articles.Where(a => a.PathDate == date && a.Slug == slug).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
    }

    private static async Task SaveAsync(DatelineDbContext db, CommentRenderer renderer, List<Pending> batch, Dictionary<string, (int Id, int ArticleId)> known, DateTime keepIpsFrom, DisqusImportReport report, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var ids = batch.Where(p => known.ContainsKey(p.OriginalId)).Select(p => known[p.OriginalId].Id).ToList();
        var existing = ids.Count == 0 ? [] : await db.Comments.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var added = new List<(string OriginalId, Comment Comment)>();
        foreach (var (post, originalId, articleId) in batch)
        {
            var status = post.IsSpam ? CommentStatus.Spam : post.IsDeleted ? CommentStatus.Trash : CommentStatus.Approved;
            var comment = known.TryGetValue(originalId, out var k) ? existing.GetValueOrDefault(k.Id) : null;
            var isNew = comment is null;
            if (comment is null)
            {
                comment = new Comment { ArticleId = articleId, AuthorName = "", Body = "", OriginalId = originalId };
                db.Comments.Add(comment);
                added.Add((originalId, comment));
            }

            var name = Cut(post.AuthorName ?? post.AuthorUsername, 245);
            var body = Cut(post.Message, CommentLimits.Body);
            var changed = Set(comment.ArticleId, articleId, v => comment.ArticleId = v)
                | Set(comment.AuthorName, name.Length > 0 ? name : "Anonymous", v => comment.AuthorName = v)
                | Set(comment.AuthorEmail, Fits(post.AuthorEmail, 100), v => comment.AuthorEmail = v)
                | Set(comment.AuthorIp, post.CreatedAt >= keepIpsFrom ? Fits(post.IpAddress, 45) : null, v => comment.AuthorIp = v)
                | Set(comment.Body, body, v => comment.Body = v)
                | Set(comment.Status, status, v => comment.Status = v)
                | Set(comment.CreatedAt, post.CreatedAt, v => comment.CreatedAt = v);
            if (isNew || changed)
            {
                comment.BodyHtml = renderer.ToHtml(body);
                if (isNew)
                {
                    report.CommentsAdded++;
                }
                else
                {
                    report.CommentsUpdated++;
                }
            }
            else
            {
                report.CommentsUnchanged++;
            }

            var key = status.ToString().ToLowerInvariant();
            report.CommentsByStatus[key] = report.CommentsByStatus.GetValueOrDefault(key) + 1;
        }

        await db.SaveChangesAsync(ct);
        foreach (var (originalId, comment) in added)
        {
            known[originalId] = (comment.Id, comment.ArticleId);
        }

        db.ChangeTracker.Clear();
        batch.Clear();
    }

    private static async Task JoinThreadsAsync(DatelineDbContext db, List<Reply> replies, Dictionary<string, (int Id, int ArticleId)> known, DisqusImportReport report, CancellationToken ct)
    {
        var parents = new Dictionary<int, int>();
        foreach (var reply in replies)
        {
            if (known.TryGetValue(reply.ParentOriginalId, out var parent) && parent.ArticleId == reply.ArticleId)
            {
                parents[known[reply.OriginalId].Id] = parent.Id;
            }
            else
            {
                report.Problems.Add($"{reply.Label}: it replies to post {reply.ParentOriginalId[Prefix.Length..]}, which was not imported; it is kept as a comment of its own");
            }
        }

        foreach (var chunk in parents.Keys.Chunk(BatchSize))
        {
            var comments = await db.Comments.Where(c => chunk.Contains(c.Id)).ToListAsync(ct);
            foreach (var comment in comments)
            {
                comment.ParentId = parents[comment.Id];
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    [GeneratedRegex(@"^/(\d{4})/(\d{2})/(\d{2})/([^/?]+)$")]
    private static partial Regex DatelinePath();
}
