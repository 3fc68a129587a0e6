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
    // Far more articles than a newsroom changes between two ticks of the scheduler, which forgets
    // the older ones; past it (a large import, or ticks failing), all are forgotten at once, which
    // costs only an eviction repeated.
    private const int MaxRememberedEvictions = 50_000;

    private readonly ConcurrentDictionary<int, DateTime> articleEvictions = new();
    private long generation;
    private long articleGeneration;
    private long everythingEvictedTicks;
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
        // Read before evicting: whatever was visible then is on every page made after.
        var at = time.GetUtcNow().UtcDateTime;
        Interlocked.Increment(ref articleGeneration);
        Interlocked.Increment(ref generation);
        await store.EvictByTagAsync(ArticleTag(articleId), ct);
        await store.EvictByTagAsync(ListsTag, ct);
        await store.EvictByTagAsync(CommentFeedsTag, ct);
        if (articleEvictions.Count >= MaxRememberedEvictions)
        {
            articleEvictions.Clear();
        }

        articleEvictions.AddOrUpdate(articleId, at, (_, known) => known > at ? known : at);
    }

    /// <summary>
    /// Whether this instance evicted the article's pages and the lists (or everything) at or after
    /// <paramref name="utc"/>: then every page it has made since shows the article as it was then.
    /// The scheduler asks, so as not to evict again the pages of an article published here.
    /// </summary>
    public bool EvictedSince(int articleId, DateTime utc) =>
        Interlocked.Read(ref everythingEvictedTicks) >= utc.Ticks
        || (articleEvictions.TryGetValue(articleId, out var at) && at >= utc);

    /// <summary>Forgets the evictions before <paramref name="utc"/>, which no later question concerns.</summary>
    public void ForgetEvictionsBefore(DateTime utc)
    {
        foreach (var (id, at) in articleEvictions)
        {
            if (at < utc)
            {
                articleEvictions.TryRemove(new KeyValuePair<int, DateTime>(id, at));
            }
        }
    }

    /// <summary>A comment appeared, changed or went: the pages showing its article, and the comment feeds.</summary>
    public async Task CommentsChangedAsync(IEnumerable<int> articleIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        Interlocked.Increment(ref generation);
        foreach (var id in articleIds.Distinct())
        {
            await store.EvictByTagAsync(ArticleTag(id), ct);
        }

        await store.EvictByTagAsync(CommentFeedsTag, ct);
    }

    /// <summary>A setting that shapes every page changed.</summary>
    public async ValueTask EverythingChangedAsync(CancellationToken ct)
    {
        var at = time.GetUtcNow().UtcDateTime.Ticks;
        Interlocked.Increment(ref articleGeneration);
        Interlocked.Increment(ref generation);
        await store.EvictByTagAsync(EverythingTag, ct);
        InterlockedMax(ref everythingEvictedTicks, at);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var known = Interlocked.Read(ref target);
        while (value > known)
        {
            var seen = Interlocked.CompareExchange(ref target, value, known);
            if (seen == known)
            {
                return;
            }

            known = seen;
        }
    }
}
