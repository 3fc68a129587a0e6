using System.Collections.Concurrent;
using Dateline.Web;

namespace Dateline.Features.Search;

/// <summary>
/// Remembers which articles were chosen as related to each article. Choosing them ranks the
/// whole archive against the headline's words, the costliest query of an article page, while
/// the answer only changes when an article does. An entry is good until any article is written,
/// published or removed (<see cref="PageCache.ArticleGeneration"/>) and for ten minutes at most;
/// only ids are kept, so the headlines and counts shown are always read afresh.
/// </summary>
public sealed class RelatedArticlesMemo(PageCache pages, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // Far more than a site's busy articles; past it, everything is dropped rather than tracked.
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<(int ArticleId, int Count), Entry> entries = new();

    public async Task<IReadOnlyList<int>> GetAsync(int articleId, int count, Func<Task<IReadOnlyList<int>>> choose)
    {
        ArgumentNullException.ThrowIfNull(choose);
        var now = time.GetUtcNow();
        var generation = pages.ArticleGeneration;
        if (entries.TryGetValue((articleId, count), out var known) && known.Generation == generation && known.Expires > now)
        {
            return known.Ids;
        }

        var ids = await choose();
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[(articleId, count)] = new Entry(generation, now + Lifetime, ids);
        return ids;
    }

    private sealed record Entry(long Generation, DateTimeOffset Expires, IReadOnlyList<int> Ids);
}
