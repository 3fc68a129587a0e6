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

    /// <summary>The rule of <see cref="Published"/> for an article's state in hand: whether it is public by <paramref name="time"/>.</summary>
    public static bool IsPublishedBy(this ArticleState article, DateTime time) =>
        article.Status is ArticleStatus.Published or ArticleStatus.Scheduled
            && article.PublishedAt is { } at && at <= time && article.PathDate is not null;

    public static IQueryable<Article> NewestFirst(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    public static IQueryable<Comment> Approved(this IQueryable<Comment> comments) =>
        comments.Where(c => c.Status == CommentStatus.Approved);
}

/// <summary>What decides whether readers see an article, as it was at one moment.</summary>
public readonly record struct ArticleState(ArticleStatus Status, DateTime? PublishedAt, DateOnly? PathDate)
{
    public static ArticleState Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Status, article.PublishedAt, article.PathDate);
    }
}
