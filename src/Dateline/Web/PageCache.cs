using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Dateline.Web;

/// <summary>
/// Which cached public answers show what, and how they are let go. A page is tagged with every
/// article it shows (its own, or a list's), so that a change to one article, or to its comments,
/// evicts exactly the pages that show it; a newly published article also evicts every list, since
/// any of them may now begin with it.
/// </summary>
public sealed class PageCache(IOutputCacheStore store, TimeProvider time)
{
    // Far more articles than a newsroom saves between two ticks of the scheduler, which forgets
    // the older ones; past it (ticks failing for a long time), all are forgotten at once, which
    // costs only an eviction repeated.
    private const int MaxRememberedSaves = 50_000;

    private readonly ConcurrentDictionary<int, (Guid Version, DateTime EvictedAt)> savedHere = new();
    private long generation;
    private long articleGeneration;
    public const string PolicyName = "public";
    public const string EverythingTag = "public";
    public const string ListsTag = "lists";
    public const string CommentFeedsTag = "comment-feeds";

    /// <summary>
    /// Counts evictions. A render that began before one may have read the data as it was before
    /// the change, so the policy does not store it (evicting first and storing after would keep
    /// the old page).
    /// </summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Counts changes to articles (and to everything): what is derived from articles alone is stale once it moves.</summary>
    public long ArticleGeneration => Interlocked.Read(ref articleGeneration);

    public static string ArticleTag(int articleId) => "article-" + articleId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Marks the answer being made as showing these articles.</summary>
    public static void TagArticles(HttpContext http, IEnumerable<int> articleIds)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(articleIds);
        if (http.Features.Get<IOutputCacheFeature>()?.Context.Tags is { } tags)
        {
            foreach (var id in articleIds)
            {
                tags.Add(ArticleTag(id));
            }
        }
    }

    /// <summary>Marks the answer being made as a list of articles, which any new article may join.</summary>
    public static void TagList(HttpContext http, IEnumerable<int> articleIds)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(ListsTag);
        TagArticles(http, articleIds);
    }

    public static void Tag(HttpContext http, string tag)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
    }

    /// <summary>An article was written, published, unpublished or removed: its page and every list.</summary>
    public async Task ArticleChangedAsync(int articleId, CancellationToken ct)
    {
        Interlocked.Increment(ref articleGeneration);
        Interlocked.Increment(ref generation);
        await store.EvictByTagAsync(ArticleTag(articleId), ct);
        await store.EvictByTagAsync(ListsTag, ct);
        await store.EvictByTagAsync(CommentFeedsTag, ct);
    }

    /// <summary>
    /// An article was saved on this instance, and its save is committed, as
    /// <paramref name="version"/>: its page and every list go, as for any change, and the
    /// scheduler is told (<see cref="EvictedAfterPublishing"/>).
    /// </summary>
    public async Task ArticleSavedAsync(int articleId, Guid version, CancellationToken ct)
    {
        // Read before evicting: what the database held then is on every page made after.
        var at = time.GetUtcNow().UtcDateTime;
        await ArticleChangedAsync(articleId, ct);
        if (savedHere.Count >= MaxRememberedSaves)
        {
            savedHere.Clear();
        }

        savedHere[articleId] = (version, at);
    }

    /// <summary>
    /// Whether this instance evicted the pages of the article as it is now (the same version,
    /// saved here) at or after its publication time, so that every page made here since shows
    /// it. The scheduler asks, so as not to evict again the pages of an article published here;
    /// another instance's save, or a publication time still ahead at the save, answers no.
    /// </summary>
    public bool EvictedAfterPublishing(int articleId, Guid version, DateTime publishedAtUtc) =>
        savedHere.TryGetValue(articleId, out var saved) && saved.Version == version && saved.EvictedAt >= publishedAtUtc;

    /// <summary>Forgets the saves evicted before <paramref name="utc"/>, which no later question concerns.</summary>
    public void ForgetSavesBefore(DateTime utc)
    {
        foreach (var entry in savedHere)
        {
            if (entry.Value.EvictedAt < utc)
            {
                savedHere.TryRemove(entry);
            }
        }
    }

    /// <summary>A comment appeared, changed or went: the pages showing its article, and the comment feeds.</summary>
    public async Task CommentsChangedAsync(IEnumerable<int> articleIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var ids = articleIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref generation);
        foreach (var id in ids)
        {
            await store.EvictByTagAsync(ArticleTag(id), ct);
        }

        await store.EvictByTagAsync(CommentFeedsTag, ct);
    }

    /// <summary>A setting that shapes every page changed.</summary>
    public ValueTask EverythingChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref articleGeneration);
        Interlocked.Increment(ref generation);
        return store.EvictByTagAsync(EverythingTag, ct);
    }
}
