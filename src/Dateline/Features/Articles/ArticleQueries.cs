using Dateline.Features.Comments;

namespace Dateline.Features.Articles;

/// <summary>The visibility rules for articles, written once.</summary>
public static class ArticleQueries
{
    /// <summary>
    /// Articles a reader may see at <paramref name="now"/>. A scheduled article whose time has come
    /// counts as published even before the scheduler has flipped its status.
    /// </summary>
    public static IQueryable<Article> Published(this IQueryable<Article> articles, DateTime now) =>
        articles.Where(a => (a.Status == ArticleStatus.Published || a.Status == ArticleStatus.Scheduled)
            && a.PublishedAt != null && a.PublishedAt <= now && a.PathDate != null);

    /// <summary>The same rule as <see cref="Published"/>, for an article in hand.</summary>
    public static bool IsPublished(Article article, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Status is ArticleStatus.Published or ArticleStatus.Scheduled
            && article.PublishedAt is { } at && at <= now && article.PathDate is not null;
    }

    public static IQueryable<Article> NewestFirst(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    public static IQueryable<Comment> Approved(this IQueryable<Comment> comments) =>
        comments.Where(c => c.Status == CommentStatus.Approved);
}
