using Microsoft.EntityFrameworkCore;

namespace Dateline.Web;

public static class Paging
{
    /// <summary>Largest page number accepted, so that a hostile ?page= cannot ask for an absurd offset.</summary>
    public const int MaxPage = 10_000;

    /// <summary>Reads one page and whether another follows, by asking for one row more than it shows.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int size, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var rows = await query.Skip((page - 1) * size).Take(size + 1).ToListAsync(cancellationToken);
        var hasNext = rows.Count > size;
        if (hasNext)
        {
            rows.RemoveAt(size);
        }

        return new Page<T>(rows, page, hasNext);
    }
}
