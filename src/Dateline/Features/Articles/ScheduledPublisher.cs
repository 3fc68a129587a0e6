using Dateline.Data;
using Dateline.Features.Articles.Revisions;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Articles;

/// <summary>
/// Publishes scheduled articles when their time comes: once at start, before the server takes
/// requests (so whatever fell due while it was down is caught up), then every
/// <see cref="Interval"/>. Several instances may run it at once: each article is flipped by a
/// conditional UPDATE, so exactly one instance publishes it and records its revision, while every
/// instance evicts its own cached pages for whatever became visible since its last tick.
/// </summary>
public sealed partial class ScheduledPublisher(IServiceScopeFactory scopes, SiteClock clock, TimeProvider time, PageCache cache, DatabaseMigrator migrator, ILogger<ScheduledPublisher> logger)
    : BackgroundService
{
    public const string ActorId = "system:scheduler";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    // Ticks never overlap, so that the window since the last one is well defined.
    private readonly SemaphoreSlim gate = new(1, 1);
    private DateTime? lastTick;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigratedAsync(cancellationToken);
        await TickAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TickAsync(stoppingToken);
        }
    }

    /// <summary>
    /// Publishes every scheduled article whose time has come and evicts the pages of everything
    /// that became visible since the previous tick; returns how many articles this call published.
    /// </summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var now = clock.UtcNow;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            // Most ticks find nothing due. Asking first keeps the full read (four queries, which
            // EF Core compiles on first use) off the start of the server, which waits for this tick.
            var due = await db.Articles.AnyAsync(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now, ct)
                ? await db.Articles.AsNoTracking()
                    .Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now)
                    .Include(a => a.Authors).ThenInclude(aa => aa.Author)
                    .Include(a => a.Topics)
                    .Include(a => a.Section)
                    .AsSplitQuery()
                    .ToListAsync(ct)
                : [];
            var changed = new HashSet<int>();
            foreach (var article in due)
            {
                if (await PublishAsync(db, article, now, ct))
                {
                    changed.Add(article.Id);
                    LogPublished(article.Id, article.PublishedAt!.Value);
                }
            }

            var published = changed.Count;
            // Another instance may have published these, or their time may have come since an
            // editor saved them, and this instance's cached lists and pages do not know yet. An
            // article published here, whose pages were evicted when it went out, is left alone:
            // evicting them again would only make every list afresh.
            if (lastTick is { } since)
            {
                var visible = await db.Articles
                    .Where(a => a.Status != ArticleStatus.Draft && a.PublishedAt > since && a.PublishedAt <= now)
                    .Select(a => new { a.Id, PublishedAt = a.PublishedAt!.Value, a.Version })
                    .ToListAsync(ct);
                changed.UnionWith(visible.Where(a => !cache.EvictedAfterPublishing(a.Id, a.Version, a.PublishedAt)).Select(a => a.Id));
                cache.ForgetSavesBefore(since);
            }

            foreach (var id in changed)
            {
                await cache.ArticleChangedAsync(id, ct);
            }

            lastTick = now;
            return published;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<bool> PublishAsync(DatelineDbContext db, Article article, DateTime now, CancellationToken ct)
    {
        var version = Guid.NewGuid();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Still scheduled and still the version read above: otherwise another instance published
        // it, or an editor changed it since, and the next tick looks at it afresh. Its last change
        // is its publication, not this (possibly late) tick.
        var flipped = await db.Articles
            .Where(a => a.Id == article.Id && a.Status == ArticleStatus.Scheduled && a.Version == article.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Status, ArticleStatus.Published)
                .SetProperty(a => a.Version, version)
                .SetProperty(a => a.UpdatedAt, article.PublishedAt!.Value), ct);
        if (flipped == 0)
        {
            return false;
        }

        var before = ArticleSnapshot.Of(article);
        await RevisionLog.AddAsync(db, article, (before, article.UpdatedAt), before with { Status = ArticleStatus.Published }, ActorId, now, restoredFrom: null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    // A failed tick (the database away for a moment) must not stop the service: the next one retries.
    private async Task TickAsync(CancellationToken ct)
    {
        try
        {
            await PublishDueAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogTickFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published scheduled article {ArticleId} (due {DueAt:o})")]
    private partial void LogPublished(int articleId, DateTime dueAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing scheduled articles failed; the next tick tries again")]
    private partial void LogTickFailed(Exception exception);
}
