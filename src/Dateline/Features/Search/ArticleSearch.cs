using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Search;

/// <summary>Full-text search over published articles, and the related articles of one.</summary>
public sealed class ArticleSearch(DatelineDbContext db, SiteClock clock, IOptionsMonitor<DatelineOptions> options, RelatedArticlesMemo relatedMemo)
{
    private const int RelatedCandidates = 12;

    /// <summary>
    /// Without filters, only this many of the newest matches are ranked (fifty pages): a word in
    /// half the archive would otherwise be scored in every article that has it, on every search,
    /// and at 100,000 articles twice this window took half of the time a search may take. A
    /// filter lifts the limit, so that older articles stay reachable.
    /// </summary>
    public const int RankedWindow = 1000;

    /// <summary>How many of the newest articles are searched first for a full window.</summary>
    private const int RecentSpan = 20_000;

    /// <summary>Most matches a filtered search reads; beyond it, the reader narrows the search.</summary>
    public const int MaxCandidates = 20_000;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Terms.IsEmpty)
        {
            return new SearchResults(new Page<SearchResult>([], 1, false), 0, false);
        }

        var index = SearchIndexes.For(db);
        var articles = db.Articles.AsNoTracking().Published(clock.UtcNow);
        var filtered = request.TopicSlug is not null || request.AuthorSlug is not null || request.From is not null || request.To is not null;
        if (request.TopicSlug is { } topic)
        {
            articles = articles.Where(a => a.Topics.Any(t => t.Slug == topic));
        }

        if (request.AuthorSlug is { } author)
        {
            articles = articles.Where(a => a.Authors.Any(x => x.Author.Slug == author));
        }

        if (request.From is { } from)
        {
            articles = articles.Where(a => a.PathDate >= from);
        }

        if (request.To is { } to)
        {
            articles = articles.Where(a => a.PathDate <= to);
        }

        // One read of every candidate's id, rank and date, ordered and paged here: counting and
        // paging in SQL would rank the same matches twice.
        if (await ScopeAsync(request, ct) is not { } scope)
        {
            return new SearchResults(new Page<SearchResult>([], 1, false), 0, false);
        }

        List<Candidate> candidates;
        var full = false;
        if (filtered)
        {
            candidates = await CandidatesAsync(index, request, articles, scope, ct);
        }
        else
        {
            // A common word fills the window from the newest articles alone, so those are tried
            // first (counted unranked, in the index alone): reading every match only to keep the
            // newest is what made such words slow.
            var recent = await RecentFromAsync(ct);
            if (recent > 0 && await IndexCountAsync(index, request.Terms, scope with { FromId = recent }, ct) >= RankedWindow)
            {
                scope = scope with { FromId = recent };
            }

            (candidates, full) = await WindowAsync(index, request.Terms, articles, scope, ct);
        }

        var total = candidates.Count;
        var ordered = request.NewestFirst
            ? candidates.OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            : candidates.OrderByDescending(x => x.Rank).ThenByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id);
        var size = options.CurrentValue.PageSize;
        var number = Math.Clamp(request.Page, 1, Paging.MaxPage);
        var pageIds = ordered.Skip((number - 1) * size).Take(size + 1).Select(x => x.Id).ToList();
        var ids = new Page<int>([.. pageIds.Take(size)], number, pageIds.Count > size);
        if (ids.Items.Count == 0)
        {
            return new SearchResults(new Page<SearchResult>([], ids.Number, false), total, full || total >= MaxCandidates);
        }

        var summaries = await SummariesAsync(ids.Items, ct);
        var snippets = (await index.SnippetsAsync(db, request.Terms, ids.Items, ct)).ToDictionary(s => s.ArticleId);
        var results = summaries.Select(a => snippets.TryGetValue(a.Id, out var s)
            ? new SearchResult(a, Headline(a, s), Excerpt(a, s))
            : new SearchResult(a, Highlighted.Plain(a.Headline), Highlighted.Plain(a.Dek))).ToList();
        return new SearchResults(new Page<SearchResult>(results, ids.Number, ids.HasNext), total, full || total >= MaxCandidates);
    }

    /// <summary>
    /// Articles like this one: those sharing its topics and those whose text matches its
    /// headline's words, each list ranked, merged by reciprocal rank so that an article high in
    /// both comes first.
    /// </summary>
    public async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(int articleId, string headline, IReadOnlyCollection<string> topicSlugs, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(topicSlugs);
        var chosen = await relatedMemo.GetAsync(articleId, count, () => ChooseRelatedAsync(articleId, headline, topicSlugs, count, ct));
        return chosen.Count == 0 ? [] : await SummariesAsync(chosen, ct);
    }

    private async Task<IReadOnlyList<int>> ChooseRelatedAsync(int articleId, string headline, IReadOnlyCollection<string> topicSlugs, int count, CancellationToken ct)
    {
        var articles = db.Articles.AsNoTracking().Published(clock.UtcNow).Where(a => a.Id != articleId);
        var scores = new Dictionary<int, double>();
        void Score(IEnumerable<int> ranked)
        {
            var position = 0;
            foreach (var id in ranked)
            {
                scores[id] = scores.GetValueOrDefault(id) + (1.0 / (5 + position++));
            }
        }

        if (topicSlugs.Count > 0)
        {
            // From the topics' side, so that only their articles are counted, not the archive's.
            Score(await db.Topics.AsNoTracking().Where(t => topicSlugs.Contains(t.Slug))
                .SelectMany(t => t.Articles).Published(clock.UtcNow).Where(a => a.Id != articleId)
                .GroupBy(a => new { a.Id, a.PublishedAt })
                .Select(g => new { g.Key.Id, g.Key.PublishedAt, Shared = g.Count() })
                .OrderByDescending(x => x.Shared).ThenByDescending(x => x.PublishedAt)
                .Select(x => x.Id).Take(RelatedCandidates).ToListAsync(ct));
        }

        var words = SearchTerms.Parse(string.Join(' ', SearchTerms.Parse(headline).Words.Where(RelatedWords.IsTelling).Distinct()));
        if (!words.IsEmpty)
        {
            Score(await SearchIndexes.For(db).Match(db, words, SearchMode.AnyWord, RankedWindow)
                .Join(articles, m => m.ArticleId, a => a.Id, (m, a) => new { m.Rank, a.Id, a.PublishedAt })
                .OrderByDescending(x => x.Rank).ThenByDescending(x => x.PublishedAt)
                .Select(x => x.Id).Take(RelatedCandidates).ToListAsync(ct));
        }

        return scores.OrderByDescending(s => s.Value).ThenByDescending(s => s.Key).Take(count).Select(s => s.Key).ToList();
    }

    private async Task<List<Candidate>> CandidatesAsync(ISearchIndex index, SearchRequest request, IQueryable<Article> articles, SearchScope scope, CancellationToken ct)
    {
        var joined = index.Match(db, request.Terms, SearchMode.AllWords, null, scope)
            .Join(articles, m => m.ArticleId, a => a.Id, (m, a) => new { a.Id, m.Rank, a.PublishedAt });

        // Past the cap, keep what the reader's order puts first.
        var ordered = request.NewestFirst
            ? joined.OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            : joined.OrderByDescending(x => x.Rank);
        var rows = await ordered.Take(MaxCandidates).ToListAsync(ct);
        return [.. rows.Select(r => new Candidate(r.Id, r.Rank, r.PublishedAt!.Value))];
    }

    // The newest RankedWindow matches, ranked, and whether the window is full. The window counts
    // matches of any status (drafts are indexed too), so the articles are joined on the left: a
    // match that is not published counts towards the window without being a result.
    private async Task<(List<Candidate> Candidates, bool Full)> WindowAsync(ISearchIndex index, SearchTerms terms, IQueryable<Article> articles, SearchScope scope, CancellationToken ct)
    {
        var rows = await index.Match(db, terms, SearchMode.AllWords, RankedWindow, scope)
            .LeftJoin(articles, m => m.ArticleId, a => a.Id, (m, a) => new { m.Rank, Id = (int?)a!.Id, a!.PublishedAt })
            .ToListAsync(ct);
        return ([.. rows.Where(r => r.Id is not null).Select(r => new Candidate(r.Id!.Value, r.Rank, r.PublishedAt!.Value))], rows.Count >= RankedWindow);
    }

    private Task<int> IndexCountAsync(ISearchIndex index, SearchTerms terms, SearchScope scope, CancellationToken ct) =>
        index.Match(db, terms, SearchMode.AllWords, RankedWindow, scope, ranked: false).CountAsync(ct);

    // The filters' topic and author, for the index to narrow by; null when either does not
    // exist, as nothing can then be found.
    private async Task<SearchScope?> ScopeAsync(SearchRequest request, CancellationToken ct)
    {
        var scope = SearchScope.All;
        if (request.TopicSlug is { } topic)
        {
            var found = await db.Topics.AsNoTracking().Where(t => t.Slug == topic).Select(t => new { t.Id, t.Name }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return null;
            }

            scope = scope with { TopicId = found.Id, TopicName = found.Name };
        }

        if (request.AuthorSlug is { } author)
        {
            var found = await db.Authors.AsNoTracking().Where(a => a.Slug == author).Select(a => new { a.Id, a.Name }).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                return null;
            }

            scope = scope with { AuthorId = found.Id, AuthorName = found.Name };
        }

        return scope;
    }

    // The first id of the newest RecentSpan articles.
    private async Task<int> RecentFromAsync(CancellationToken ct) =>
        Math.Max(0, (await db.Articles.MaxAsync(a => (int?)a.Id, ct) ?? 0) - RecentSpan + 1);

    private sealed record Candidate(int Id, double Rank, DateTime PublishedAt);

    /// <summary>The summaries of those of these articles that are published now, in the order given.</summary>
    /// <remarks>
    /// The ids may be older than the articles: the related articles' are remembered, and another
    /// instance sharing the database can unpublish or schedule one meanwhile without this one
    /// hearing of it. So what is shown is checked again here.
    /// </remarks>
    private async Task<List<ArticleSummary>> SummariesAsync(IReadOnlyList<int> ids, CancellationToken ct)
    {
        var found = await db.Articles.AsNoTracking().Published(clock.UtcNow).Where(a => ids.Contains(a.Id))
            .Select(ArticleProjections.Summary).AsSplitQuery().ToListAsync(ct);
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. found.OrderBy(a => order[a.Id])];
    }

    private static Highlighted Headline(ArticleSummary article, SearchSnippetRow row)
    {
        // The marked copy is used only when it still reads as the headline does.
        var marked = Highlighted.Parse(row.Headline);
        return marked.ToString() == SearchText.Restore(SearchText.Clean(article.Headline)) ? marked : Highlighted.Plain(article.Headline);
    }

    // The body's excerpt when the words are in it; else the dek, marked where they are in that;
    // else the start of the body.
    private static Highlighted Excerpt(ArticleSummary article, SearchSnippetRow row)
    {
        var body = Highlighted.Parse(row.Body);
        if (body.HasMatch)
        {
            return body;
        }

        var dek = Highlighted.Parse(row.Dek);
        if (!dek.IsEmpty)
        {
            return dek;
        }

        return body.IsEmpty ? Highlighted.Plain(article.Dek) : body;
    }
}
