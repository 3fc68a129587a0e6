using System.Data.Common;
using System.Runtime.CompilerServices;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Authors;
using Dateline.Features.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Dateline.Features.Search;

/// <summary>
/// Keeps the search index in step with every save that touches what it holds: an article's text,
/// its byline, its topics and section, or the name of an author, topic or section. Watching the
/// model, rather than each place that writes, means the API, the newsroom, imports and the
/// command line all stay searchable at once. The entries are written on the same connection
/// right after the save, inside the caller's transaction when there is one.
/// </summary>
public sealed partial class SearchIndexInterceptor : SaveChangesInterceptor
{
    public static readonly SearchIndexInterceptor Instance = new();

    private const string Savepoint = "dateline_search_index";

    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    private sealed class Pending
    {
        public HashSet<int> ArticleIds { get; } = [];
        public List<Article> AddedArticles { get; } = [];
        public List<ArticleAuthor> Bylines { get; } = [];
        public List<IDictionary<string, object>> TopicLinks { get; } = [];
        public HashSet<int> AuthorIds { get; } = [];
        public HashSet<int> TopicIds { get; } = [];
        public HashSet<int> SectionIds { get; } = [];

        public bool IsEmpty => ArticleIds.Count == 0 && AddedArticles.Count == 0 && Bylines.Count == 0 && TopicLinks.Count == 0
            && AuthorIds.Count == 0 && TopicIds.Count == 0 && SectionIds.Count == 0;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FlushAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await FlushAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is not DatelineDbContext)
        {
            return;
        }

        var work = pending.GetValue(context, _ => new Pending());
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Article article when entry.State == EntityState.Added:
                    work.AddedArticles.Add(article);
                    break;
                case Article article when entry.State == EntityState.Deleted || TextChanged(entry):
                    work.ArticleIds.Add(article.Id);
                    break;
                case ArticleAuthor byline:
                    work.Bylines.Add(byline);
                    break;
                case IDictionary<string, object> link when entry.Metadata.Name == "ArticleTopic":
                    work.TopicLinks.Add(link);
                    break;
                case Author author when entry.State == EntityState.Modified && entry.Property(nameof(Author.Name)).IsModified:
                    work.AuthorIds.Add(author.Id);
                    break;
                case Topic topic when entry.State == EntityState.Modified && entry.Property(nameof(Topic.Name)).IsModified:
                    work.TopicIds.Add(topic.Id);
                    break;
                case Section section when entry.State == EntityState.Modified && entry.Property(nameof(Section.Name)).IsModified:
                    work.SectionIds.Add(section.Id);
                    break;
            }
        }

        if (work.IsEmpty)
        {
            pending.Remove(context);
        }
    }

    private static bool TextChanged(EntityEntry entry) =>
        entry.Property(nameof(Article.Headline)).IsModified
        || entry.Property(nameof(Article.Dek)).IsModified
        || entry.Property(nameof(Article.BodyHtml)).IsModified
        || entry.Property(nameof(Article.SectionId)).IsModified;

    private async Task FlushAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not DatelineDbContext db || !pending.TryGetValue(context, out var work))
        {
            return;
        }

        pending.Remove(context);

        // The save is committed (or will be with the caller's transaction); a reader who went
        // away must not turn it into an error.
        ct = CancellationToken.None;
        var ids = new HashSet<int>(work.ArticleIds);
        ids.UnionWith(work.AddedArticles.Select(a => a.Id));
        ids.UnionWith(work.Bylines.Select(b => b.ArticleId));
        ids.UnionWith(work.TopicLinks.Select(l => l.TryGetValue("ArticlesId", out var id) ? (int)id : 0).Where(id => id > 0));
        if (work.AuthorIds.Count > 0)
        {
            ids.UnionWith(await db.Set<ArticleAuthor>().AsNoTracking().Where(b => work.AuthorIds.Contains(b.AuthorId)).Select(b => b.ArticleId).ToListAsync(ct));
        }

        if (work.TopicIds.Count > 0)
        {
            ids.UnionWith(await db.Articles.AsNoTracking().Where(a => a.Topics.Any(t => work.TopicIds.Contains(t.Id))).Select(a => a.Id).ToListAsync(ct));
        }

        if (work.SectionIds.Count > 0)
        {
            ids.UnionWith(await db.Articles.AsNoTracking().Where(a => a.SectionId != null && work.SectionIds.Contains(a.SectionId.Value)).Select(a => a.Id).ToListAsync(ct));
        }

        ids.Remove(0);
        if (ids.Count == 0)
        {
            return;
        }

        // Inside the caller's transaction the write gets a savepoint: on PostgreSQL a failed
        // statement would otherwise abort the whole transaction, and the editor's save with it.
        var transaction = db.Database.CurrentTransaction;
        try
        {
            if (transaction is not null)
            {
                await transaction.CreateSavepointAsync(Savepoint, CancellationToken.None);
            }

            await ArticleSearchIndex.RefreshAsync(db, ids, CancellationToken.None);
            if (transaction is not null)
            {
                await transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            if (transaction is not null)
            {
                await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            }

            // The save itself has been committed; failing it now would tell the editor their work
            // was lost when it was not. The entry stays stale until the article is saved again.
            IndexNotUpdated(db.GetService<ILoggerFactory>().CreateLogger<SearchIndexInterceptor>(), e, string.Join(",", ids));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Search index not updated for articles {ArticleIds}")]
    private static partial void IndexNotUpdated(ILogger logger, Exception exception, string articleIds);
}
