using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;

namespace Dateline.Web;

/// <summary>
/// Which cached public answers show what, and how they are let go. A page is tagged with every
/// article it shows (its own, or a list's), so that a change to one article, or to its comments,
/// evicts exactly the pages that show it; a newly published article also evicts every list, since
/// any of them may now begin with it.
/// </summary>
public sealed class PageCache(IOutputCacheStore store)
{
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
    public ValueTask EverythingChangedAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref articleGeneration);
        Interlocked.Increment(ref generation);
        return store.EvictByTagAsync(EverythingTag, ct);
    }
}
