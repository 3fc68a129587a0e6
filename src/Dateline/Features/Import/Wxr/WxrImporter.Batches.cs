using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Comments;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;
using static Dateline.Features.Import.ImportValues;

namespace Dateline.Features.Import.Wxr;

// The posts of a file go in batches: one scope, one transaction and a handful of saves for many
// posts, where a unit of work per post paid a commit (a sync to disk on SQLite) and dozens of
// lookups each. The outcome is what importing the posts one by one gives.
public sealed partial class WxrImporter
{
    // Enough posts that a commit and the lookups of a batch are shared widely; few enough that a
    // batch (with its comments) stays a few megabytes and a retry post by post stays short. On the
    // benchmark file 100 beat 50, 200 and 500: EF's save sorts a batch's commands, which costs
    // more than the batch grows.
    private const int BatchSize = 100;

    /// <summary>What the batches of one run share.</summary>
    private sealed record Run(string Origin, Dictionary<string, WxrAuthor> Authors, Dictionary<string, Attachment> Attachments, HashSet<string> OldPaths, WxrMedia? Media);

    /// <summary>One post of the file, its article's input, and what became of it in the last try.</summary>
    private sealed class Post(WxrItem item, string label)
    {
        public WxrItem Item { get; } = item;
        public string Label { get; } = label;
        public ArticleInput? Input { get; set; }
        public ArticleStatus Status { get; set; }
        public string? OriginalId { get; set; }

        /// <summary>Why the post could not become an input: these stay, however often it is tried.</summary>
        public List<string> Problems { get; } = [];

        public int ArticleId { get; set; }
        public Guid? VersionBefore { get; set; }
        public Article? Staged { get; set; }

        /// <summary>Each comment's body rendered, in the order of <see cref="WxrItem.Comments"/>.</summary>
        public string[] CommentHtml { get; set; } = [];
    }

    /// <summary>What one try at a batch did; it counts only once the batch is committed.</summary>
    private sealed class Outcome
    {
        public WxrImportReport Counts { get; } = new();
        public Dictionary<Post, List<string>> Problems { get; } = [];
        public HashSet<string> OldPaths { get; } = new(StringComparer.Ordinal);

        public List<string> ProblemsOf(Post post) => Problems.TryGetValue(post, out var list) ? list : Problems[post] = [];
    }

    /// <summary>A comment new in this batch, and the comment it replies to if any (which may be new too).</summary>
    private sealed record NewComment(Comment Comment, Comment? Parent);

    /// <summary>A comment already saved that is to reply to one new in this batch, once that one has its id.</summary>
    private sealed record Relink(Comment Comment, Comment Parent);

    private async Task ImportBatchAsync(List<Post> batch, Run run, WxrImportReport report, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var outcome = new Outcome();
        try
        {
            await SaveBatchAsync(batch, run, outcome, ct);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or ArgumentException or FormatException)
        {
            if (batch.Count > 1)
            {
                // One post the database refuses must not cost the others: each is tried on its own.
                foreach (var post in batch)
                {
                    await ImportBatchAsync([post], run, report, ct);
                }

                return;
            }

            outcome = new Outcome();
            outcome.ProblemsOf(batch[0]).Add(CouldNotBeSaved(batch[0].Label, e));
        }

        // Problems are listed in the order of the file, as they were when each post was its own save.
        foreach (var post in batch)
        {
            report.Problems.AddRange(post.Problems);
            if (outcome.Problems.TryGetValue(post, out var problems))
            {
                report.Problems.AddRange(problems);
            }
        }

        var counts = outcome.Counts;
        report.ArticlesAdded += counts.ArticlesAdded;
        report.ArticlesUpdated += counts.ArticlesUpdated;
        report.ArticlesUnchanged += counts.ArticlesUnchanged;
        report.CommentsAdded += counts.CommentsAdded;
        report.CommentsUpdated += counts.CommentsUpdated;
        report.CommentsUnchanged += counts.CommentsUnchanged;
        report.OldAddresses += counts.OldAddresses;
        Add(report.ArticlesByStatus, counts.ArticlesByStatus);
        Add(report.CommentsByStatus, counts.CommentsByStatus);
        run.OldPaths.UnionWith(outcome.OldPaths);
    }

    private static void Add(Dictionary<string, int> to, Dictionary<string, int> from)
    {
        foreach (var (key, n) in from)
        {
            to[key] = to.GetValueOrDefault(key) + n;
        }
    }

    private async Task SaveBatchAsync(List<Post> batch, Run run, Outcome outcome, CancellationToken ct)
    {
        var posts = batch.Where(p => p.Input is not null).ToList();
        if (posts.Count == 0)
        {
            return;
        }

        var single = batch.Count == 1;
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DatelineDbContext>();
        var editor = services.GetRequiredService<ArticleEditor>();
        await ImportConnection.PrepareAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // A failure anywhere in the batch drops its whole transaction (and the posts are tried
        // again one by one), so EF's savepoint around each save would only cost: on SQLite every
        // page a save touches was first copied to the savepoint's journal.
        db.Database.AutoSavepointsEnabled = false;

        var originalIds = posts.Select(p => p.OriginalId!).ToList();
        var existing = (await db.Articles.AsNoTracking().Where(a => a.OriginalId != null && originalIds.Contains(a.OriginalId))
            .Select(a => new { a.Id, a.Version, a.OriginalId, a.BodyMarkdown }).ToListAsync(ct))
            .ToDictionary(a => a.OriginalId!, StringComparer.Ordinal);

        // Posts imported before: each is an update of its own, and most find nothing to change.
        foreach (var post in posts)
        {
            post.ArticleId = 0;
            post.VersionBefore = null;
            post.Staged = null;
            if (!existing.TryGetValue(post.OriginalId!, out var found))
            {
                continue;
            }

            // The same Markdown renders to the same body: leaving it out spares rendering every
            // post again only to find it unchanged, which was most of a second run's time.
            var input = post.Input!;
            ArticleValidator.Validate(input, creating: false, new FieldErrors());
            if (input.BodyMarkdown is { IsSet: true } body && string.Equals(body.Value, found.BodyMarkdown, StringComparison.Ordinal))
            {
                input.BodyMarkdown = default;
            }

            var result = await editor.UpdateAsync(found.Id, input, Importer, expectedVersion: null, ct);
            db.ChangeTracker.Clear();
            if (!Refused(post, result, outcome))
            {
                post.ArticleId = found.Id;
                post.VersionBefore = found.Version;
            }
        }

        // New posts are staged and saved together (alone, one is saved as any article is).
        var fresh = posts.Where(p => !existing.ContainsKey(p.OriginalId!)).ToList();
        if (fresh.Count > 0)
        {
            // Staged articles are all new, so EF's automatic change detection (a scan of every
            // tracked entity on each query and save) would find nothing the adds did not already
            // tell it; it runs once, before the save. (One post alone is created as any article is.)
            db.ChangeTracker.AutoDetectChangesEnabled = single;
            try
            {
                if (!single)
                {
                    await editor.PreloadTaxonomyAsync(ct);
                }

                foreach (var post in fresh)
                {
                    if (single)
                    {
                        var result = await editor.CreateAsync(post.Input!, Importer, ct);
                        if (!Refused(post, result, outcome))
                        {
                            post.ArticleId = result.Id;
                        }
                    }
                    else
                    {
                        var (result, article) = await editor.StageCreateAsync(post.Input!, Importer, ct);
                        if (!Refused(post, result, outcome))
                        {
                            post.Staged = article;
                        }
                    }
                }

                db.ChangeTracker.DetectChanges();
                await editor.SaveStagedAsync(Importer, ct);
                foreach (var post in fresh.Where(p => p.Staged is not null))
                {
                    post.ArticleId = post.Staged!.Id;
                }
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = true;
            }

            db.ChangeTracker.Clear();
        }

        var saved = posts.Where(p => p.ArticleId != 0).ToList();
        var updatedIds = saved.Where(p => p.VersionBefore is not null).Select(p => p.ArticleId).ToList();
        var versions = await db.Articles.AsNoTracking().Where(a => updatedIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Version, ct);
        foreach (var post in saved)
        {
            if (post.VersionBefore is not { } before)
            {
                outcome.Counts.ArticlesAdded++;
            }
            else if (versions.TryGetValue(post.ArticleId, out var now) && now != before)
            {
                outcome.Counts.ArticlesUpdated++;
            }
            else
            {
                outcome.Counts.ArticlesUnchanged++;
            }

            WxrImportReport.Count(outcome.Counts.ArticlesByStatus, post.Status.ToString().ToLowerInvariant());
        }

        var evict = await SaveOldAddressesNotesAndCommentsAsync(db, services, saved, run, outcome, ct);
        await transaction.CommitAsync(ct);

        var cache = services.GetRequiredService<PageCache>();
        foreach (var id in evict.Concat(saved.Where(p => p.VersionBefore is null || versions.GetValueOrDefault(p.ArticleId) != p.VersionBefore).Select(p => p.ArticleId)).Distinct())
        {
            await cache.ArticleChangedAsync(id, ct);
        }
    }

    /// <summary>
    /// Runs the batches with the search index's upkeep set aside (on SQLite, FTS5's merging of
    /// the piece of index each batch leaves, which otherwise rewrote the index again and again),
    /// and takes it up again after; should the run stop before, the next start does.
    /// </summary>
    private async Task WithSearchUpkeepPausedAsync(Func<Task> batches, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        var index = Search.SearchIndexes.For(db);
        await index.PauseUpkeepAsync(db, ct);
        try
        {
            await batches();
        }
        finally
        {
            await index.ResumeUpkeepAsync(db, CancellationToken.None);
        }
    }

    private static bool Refused(Post post, ArticleEditResult result, Outcome outcome)
    {
        if (result.Outcome == ArticleEditOutcome.Saved)
        {
            return false;
        }

        var errors = result.Errors?.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? [result.Message ?? result.Outcome.ToString()];
        outcome.ProblemsOf(post).Add($"{post.Label} \"{post.Input!.Headline.Value}\": skipped, {string.Join("; ", errors)}");
        return true;
    }

    /// <summary>The rest of each saved post, in the batch's transaction; the articles whose comments were touched.</summary>
    private async Task<List<int>> SaveOldAddressesNotesAndCommentsAsync(DatelineDbContext db, IServiceProvider services, List<Post> saved, Run run, Outcome outcome, CancellationToken ct)
    {
        var commented = saved.Where(p => p.Item.Comments.Count > 0).ToList();
        var known = new Dictionary<int, Dictionary<string, Comment>>();
        var earlier = commented.Where(p => p.VersionBefore is not null).Select(p => p.ArticleId).ToList();
        if (earlier.Count > 0)
        {
            foreach (var group in (await db.Comments.Where(c => earlier.Contains(c.ArticleId) && c.OriginalId != null).ToListAsync(ct)).GroupBy(c => c.ArticleId))
            {
                known[group.Key] = group.ToDictionary(c => c.OriginalId!, StringComparer.Ordinal);
            }
        }

        // Addresses older than the site keeps them are not brought in only to be erased.
        var settings = await services.GetRequiredService<DiscussionSettingsStore>().GetAsync(ct);
        var keepIpsFrom = clock.UtcNow.AddDays(-settings.EraseIpAfterDays);
        var fresh = new List<NewComment>();
        var relinks = new List<Relink>();
        var touched = new List<int>();
        var addresses = new List<OldAddress>();
        foreach (var post in saved)
        {
            AddOldAddresses(addresses, post, run, outcome);
            try
            {
                if (WxrDatelineMeta.Corrections(post.Item) is { } notes)
                {
                    await ReplaceNotesAsync(db, post.ArticleId, notes, ct);
                }

                if (post.Item.Comments.Count > 0)
                {
                    AddComments(post, known.GetValueOrDefault(post.ArticleId) ?? [], keepIpsFrom, outcome, fresh, relinks);
                    touched.Add(post.ArticleId);
                }
            }
            catch (FormatException e)
            {
                outcome.ProblemsOf(post).Add(CouldNotBeSaved(post.Label, e));
            }
        }

        await RowInserter.InsertAllAsync(db, addresses, ct);
        await InsertCommentsAsync(db, fresh, relinks, ct);
        foreach (var (comment, parent) in relinks)
        {
            if (db.Entry(comment).State == EntityState.Detached)
            {
                db.Comments.Attach(comment);
            }

            comment.ParentId = parent.Id;
        }

        await db.SaveChangesAsync(ct);
        return touched;
    }

    /// <summary>
    /// New comments go straight into the table, a statement each, parents before their replies so
    /// that each reply is inserted with its parent's id. Replies that are each other's parents
    /// (a file can say so) have no such order: they go in without one and are joined after.
    /// </summary>
    private static async Task InsertCommentsAsync(DatelineDbContext db, List<NewComment> fresh, List<Relink> relinks, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return;
        }

        using var rows = await RowInserter.CreateAsync<Comment>(db, ct);
        var waiting = fresh;
        while (waiting.Count > 0)
        {
            var ready = waiting.Where(c => c.Parent is not { Id: 0 }).ToList();
            var stuck = ready.Count == 0;
            if (stuck)
            {
                ready = waiting;
            }

            foreach (var (comment, parent) in ready)
            {
                if (parent is { Id: 0 })
                {
                    comment.ParentId = null;
                    relinks.Add(new Relink(comment, parent));
                }
                else
                {
                    comment.ParentId = parent?.Id;
                }
            }

            await rows.InsertAllAsync([.. ready.Select(c => c.Comment)], ct);

            waiting = stuck ? [] : waiting.Where(c => c.Comment.Id == 0).ToList();
        }
    }

    private static void AddOldAddresses(List<OldAddress> addresses, Post post, Run run, Outcome outcome)
    {
        var item = post.Item;
        string?[] urls = [item.Link, item.Identifier, $"/?p={item.PostId}", .. WxrDatelineMeta.OldAddresses(item)];
        foreach (var path in urls.Select(OldAddresses.FromUrl).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            // A path another article already answers to stays with it.
            if (!run.OldPaths.Contains(path) && outcome.OldPaths.Add(path))
            {
                addresses.Add(new OldAddress { Path = path, ArticleId = post.ArticleId });
                outcome.Counts.OldAddresses++;
            }
        }
    }

    private static async Task ReplaceNotesAsync(DatelineDbContext db, int articleId, List<WxrDatelineMeta.Note> notes, CancellationToken ct)
    {
        var existing = await db.ArticleNotes.Where(n => n.ArticleId == articleId).OrderBy(n => n.At).ThenBy(n => n.Id).ToListAsync(ct);
        if (existing.Select(n => new WxrDatelineMeta.Note(n.Kind, n.At, n.Text)).SequenceEqual(notes))
        {
            return;
        }

        db.ArticleNotes.RemoveRange(existing);
        db.ArticleNotes.AddRange(notes.Select(n => new ArticleNote { ArticleId = articleId, Kind = n.Kind, At = DateTime.SpecifyKind(n.At, DateTimeKind.Utc), Text = n.Text }));
    }

    private void AddComments(Post post, Dictionary<string, Comment> existing, DateTime keepIpsFrom, Outcome outcome, List<NewComment> fresh, List<Relink> relinks)
    {
        var (item, label, report, problems) = (post.Item, post.Label, outcome.Counts, outcome.ProblemsOf(post));
        var byOriginal = new Dictionary<string, Comment>(StringComparer.Ordinal);
        var added = new List<Comment>();
        for (var i = 0; i < item.Comments.Count; i++)
        {
            var source = item.Comments[i];
            if (source.Id.Length == 0 || source.Id.Length > 100)
            {
                problems.Add($"{label}: a comment without a usable wp:comment_id was skipped");
                continue;
            }

            if (CommentStatusOf(source.Approved) is not { } status)
            {
                problems.Add($"{label}: comment {source.Id} skipped, its status \"{source.Approved}\" is unknown");
                continue;
            }

            var body = Cut(source.Content, CommentLimits.Body);
            var created = When(source.DateGmt, source.DateLocal) ?? clock.UtcNow;
            var kind = source.Type switch { "pingback" => CommentKind.Pingback, "trackback" => CommentKind.Trackback, _ => CommentKind.Comment };
            var name = Cut(WordPressContent.PlainText(source.Author), 245);
            var comment = existing.GetValueOrDefault(source.Id);
            var changed = comment is null;
            if (comment is null)
            {
                comment = new Comment { ArticleId = post.ArticleId, AuthorName = "", Body = "", OriginalId = source.Id };
                added.Add(comment);
            }

            changed |= Set(comment.AuthorName, name.Length > 0 ? name : "Anonymous", v => comment.AuthorName = v)
                | Set(comment.AuthorEmail, Fits(source.AuthorEmail, 100), v => comment.AuthorEmail = v)
                | Set(comment.AuthorUrl, Fits(source.AuthorUrl, 200), v => comment.AuthorUrl = v)
                | Set(comment.AuthorIp, created >= keepIpsFrom ? Fits(source.AuthorIp, 45) : null, v => comment.AuthorIp = v)
                | Set(comment.Body, body, v => comment.Body = v)
                | Set(comment.Status, status, v => comment.Status = v)
                | Set(comment.Kind, kind, v => comment.Kind = v)
                | Set(comment.CreatedAt, created, v => comment.CreatedAt = v);
            if (changed)
            {
                comment.BodyHtml = post.CommentHtml[i];
                comment.Reason = status == CommentStatus.Held ? "imported" : null;
                if (existing.ContainsKey(source.Id))
                {
                    report.CommentsUpdated++;
                }
                else
                {
                    report.CommentsAdded++;
                }
            }
            else
            {
                report.CommentsUnchanged++;
            }

            WxrImportReport.Count(report.CommentsByStatus, kind == CommentKind.Comment ? status.ToString().ToLowerInvariant() : $"{kind.ToString().ToLowerInvariant()} ({status.ToString().ToLowerInvariant()})");
            byOriginal[source.Id] = comment;
        }

        // Threads are joined once every comment of the post is known: a reply can come before its
        // parent. (Of a comment id given twice, the last one's parent counts, as it always did.)
        var parents = new Dictionary<Comment, Comment?>();
        foreach (var source in item.Comments.Where(c => byOriginal.ContainsKey(c.Id)))
        {
            Comment? parent = null;
            if (source.ParentId is { } parentId && !byOriginal.TryGetValue(parentId, out parent) && !existing.TryGetValue(parentId, out parent))
            {
                problems.Add($"{label}: comment {source.Id} replies to comment {parentId}, which is not in the file; it is kept as a comment of its own");
            }

            parents[byOriginal[source.Id]] = parent;
        }

        fresh.AddRange(added.Where(c => !parents.ContainsKey(c)).Select(c => new NewComment(c, null)));
        foreach (var (comment, parent) in parents)
        {
            if (comment.Id == 0)
            {
                fresh.Add(new NewComment(comment, parent));
            }
            else if (parent is { Id: 0 })
            {
                relinks.Add(new Relink(comment, parent));
            }
            else
            {
                comment.ParentId = parent?.Id;
            }
        }
    }
}
