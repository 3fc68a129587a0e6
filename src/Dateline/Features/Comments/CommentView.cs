namespace Dateline.Features.Comments;

/// <summary>A comment as readers see it: no e-mail, no IP, by construction.</summary>
public sealed record CommentView(int Id, int? ParentId, string AuthorName, string? AuthorUrl, string BodyHtml, DateTime CreatedAt, bool IsStaff)
{
    public List<CommentView> Replies { get; } = [];
}
