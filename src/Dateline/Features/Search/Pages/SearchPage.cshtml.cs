using System.Globalization;
using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Search.Pages;

/// <summary>
/// /search: every query gets an answer page, never an error. What the index cannot take (syntax,
/// markup, an endless paste) is dropped by <see cref="SearchTerms"/>; a filter that makes no
/// sense is set aside and the reader told so.
/// </summary>
public sealed class SearchPageModel(ArticleSearch search, DatelineDbContext db, PageMeta meta) : PageModel
{
    private const int MaxChoices = 300;

    public string Query { get; private set; } = "";
    public string? Topic { get; private set; }
    public string? Author { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public bool NewestFirst { get; private set; }
    public SearchResults? Results { get; private set; }
    public List<string> Notices { get; } = [];
    public IReadOnlyList<(string Slug, string Name)> Topics { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Authors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? q, string? topic, string? author, string? from, string? to, string? sort, [FromQuery(Name = "page")] string? pageNumber, CancellationToken ct)
    {
        Query = Limit(q, SearchTerms.MaxInput).Trim();
        NewestFirst = sort == "newest";
        var request = new SearchRequest(SearchTerms.Parse(Query))
        {
            NewestFirst = NewestFirst,
            Page = int.TryParse(pageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, Paging.MaxPage) : 1,
        };

        Topics = await db.Topics.AsNoTracking().OrderBy(t => t.Name).Take(MaxChoices).Select(t => new { t.Slug, t.Name })
            .ToListAsync(ct) is var topics ? [.. topics.Select(t => (t.Slug, t.Name))] : [];
        Authors = await db.Authors.AsNoTracking().OrderBy(a => a.Name).Take(MaxChoices).Select(a => new { a.Slug, a.Name })
            .ToListAsync(ct) is var authors ? [.. authors.Select(a => (a.Slug, a.Name))] : [];

        if (!string.IsNullOrWhiteSpace(topic))
        {
            Topic = Limit(topic, 200).Trim().ToLowerInvariant();
            request = request with { TopicSlug = Topic };
        }

        if (!string.IsNullOrWhiteSpace(author))
        {
            Author = Limit(author, 200).Trim().ToLowerInvariant();
            request = request with { AuthorSlug = Author };
        }

        From = Date(from, "from", out var fromDate);
        To = Date(to, "to", out var toDate);
        request = request with { From = fromDate, To = toDate };
        if (fromDate > toDate)
        {
            Notices.Add("The “from” date is after the “to” date, so no article can fall between them.");
        }

        if (Query.Length > 0)
        {
            Results = await search.SearchAsync(request, ct);
        }

        meta.Title = Query.Length == 0 ? "Search" : $"Search results for “{Query}”";
        meta.NoIndex = true;
        Response.Headers.CacheControl = "no-cache";
        return Page();
    }

    /// <summary>The link to another page of these results, keeping every filter.</summary>
    public string PageLink(int number)
    {
        var parts = new List<string> { "q=" + Uri.EscapeDataString(Query) };
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("topic", Topic);
        Add("author", Author);
        Add("from", From);
        Add("to", To);
        Add("sort", NewestFirst ? "newest" : null);
        if (number > 1)
        {
            parts.Add("page=" + number.ToString(CultureInfo.InvariantCulture));
        }

        return "/search?" + string.Join("&", parts);
    }

    private string? Date(string? value, string name, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = Limit(value, 40).Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return text;
        }

        Notices.Add($"The “{name}” date was not understood (expected a date such as 2026-03-31), so it was left out.");
        return null;
    }

    private static string Limit(string? value, int length) => value is null ? "" : SearchTerms.Cut(value, length);
}
