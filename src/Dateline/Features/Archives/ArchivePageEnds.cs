using System.Collections.Concurrent;
using Dateline.Web;

namespace Dateline.Features.Archives;

/// <summary>
/// Where each page of an article list ended, so that the page after it is read from there (the
/// articles older than that one: keyset pagination) instead of by counting past every article
/// before it (<c>OFFSET</c>, which reads them all and costs more the deeper the page). The
/// contract fixes list addresses as <c>?page=N</c>, and readers and crawlers walk them in order,
/// so page N's end is usually known when page N+1 is asked for; a page whose predecessor is not
/// known is read by offset. An end is good until any article changes
/// (<see cref="PageCache.ArticleGeneration"/>), and for ten minutes at most, as a change made by
/// another instance does not move this one's generation.
/// </summary>
public sealed class ArchivePageEnds(PageCache pages, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // Far more than the pages crawled in ten minutes; past it, everything is dropped rather than tracked.
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<(string List, int Size, int Page), End> ends = new();

    /// <summary>An article's place in a newest-first list: its publication time, then its id.</summary>
    public readonly record struct Place(DateTime PublishedAt, int Id);

    /// <summary>What an end is checked against; take it before reading the page.</summary>
    public long Generation => pages.ArticleGeneration;

    /// <summary>Where page <paramref name="page"/> of the list ended, if that is known and still good.</summary>
    public Place? Find(string list, int size, int page) =>
        ends.TryGetValue((list, size, page), out var end) && end.Generation == Generation && end.Expires > time.GetUtcNow()
            ? end.Last
            : null;

    /// <summary>Keeps the place of the last article of page <paramref name="page"/>, as read at <paramref name="generation"/>.</summary>
    public void Remember(string list, int size, int page, long generation, Place last)
    {
        if (ends.Count >= MaxEntries)
        {
            ends.Clear();
        }

        ends[(list, size, page)] = new End(generation, time.GetUtcNow() + Lifetime, last);
    }

    private sealed record End(long Generation, DateTimeOffset Expires, Place Last);
}
