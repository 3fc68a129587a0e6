namespace Dateline.Features.Comments;

/// <summary>A comment as the public API shows it: no e-mail, no address, no status.</summary>
public sealed record CommentResponse(int Id, int ArticleId, int? ParentId, string AuthorName, string? AuthorUrl, string BodyHtml, DateTime CreatedAt)
{
    public IReadOnlyList<CommentResponse>? Replies { get; init; }

    /// <summary>True for a removed comment kept in place because replies hang from it.</summary>
    public bool Removed { get; init; }

    public static CommentResponse From(CommentView view, int articleId)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new CommentResponse(view.Id, articleId, view.ParentId, view.AuthorName, view.AuthorUrl, view.BodyHtml, view.CreatedAt)
        {
            Replies = [.. view.Replies.Select(r => From(r, articleId))],
            Removed = view.Removed,
        };
    }
}
