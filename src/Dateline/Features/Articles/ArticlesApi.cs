using Dateline.Data;
using Dateline.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Articles;

/// <summary>The public, read-only article API.</summary>
public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/articles").WithTags("Articles");
        // Cached as the pages are, and evicted with the articles they show (their comment counts too).
        group.MapGet("/", ListArticlesAsync).WithName("ListArticles").CacheOutput(PageCache.PolicyName)
            .WithMetadata(new PageCacheQueryKeys("topic", "author"));
        group.MapGet("/{id:int}", GetArticleAsync).WithName("GetArticle").CacheOutput(PageCache.PolicyName);
        return app;
    }

    public static async Task<Ok<ArticleListResponse>> ListArticlesAsync(
        DatelineDbContext db, Archives.ArchiveQueries archives, SiteClock clock, SiteUrls urls, HttpContext http,
        string? topic, string? author, int? page, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var query = db.Articles.AsNoTracking().Published(now);
        if (!string.IsNullOrEmpty(topic))
        {
            query = query.Where(a => a.Topics.Any(t => t.Slug == topic));
        }

        if (!string.IsNullOrEmpty(author))
        {
            query = query.Where(a => a.Authors.Any(x => x.Author.Slug == author));
        }

        var list = $"api?topic={Uri.EscapeDataString(topic ?? "")}&author={Uri.EscapeDataString(author ?? "")}";
        var result = await archives.PageAsync(
            query, list, page ?? 1, q => q.Select(ArticleProjections.View), a => new(a.PublishedAt!.Value, a.Id), ct);
        PageCache.TagList(http, result.Items.Select(a => a.Id));
        var baseUrl = urls.BaseUrl(http.Request);
        string? next = null;
        if (result.HasNext)
        {
            next = $"{baseUrl}/api/articles?page={result.Number + 1}"
                + (topic is null ? "" : $"&topic={Uri.EscapeDataString(topic)}")
                + (author is null ? "" : $"&author={Uri.EscapeDataString(author)}");
        }

        return TypedResults.Ok(new ArticleListResponse(
            [.. result.Items.Select(a => ArticleResponse.From(a, baseUrl, now))], result.Number, result.HasNext, next));
    }

    public static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> GetArticleAsync(
        int id, DatelineDbContext db, SiteClock clock, SiteUrls urls, HttpContext http, CancellationToken ct)
    {
        PageCache.TagArticles(http, [id]);
        var now = clock.UtcNow;
        var article = await db.Articles.AsNoTracking().Published(now).Where(a => a.Id == id)
            .Select(ArticleProjections.View).AsSplitQuery().FirstOrDefaultAsync(ct);
        return article is null
            ? TypedResults.Problem(Problems.NotFound($"No published article has the id {id}."))
            : TypedResults.Ok(ArticleResponse.From(article, urls.BaseUrl(http.Request), now));
    }
}
