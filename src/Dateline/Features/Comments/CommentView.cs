namespace Dateline.Features.Comments;

/// <summary>A comment as readers see it: no e-mail, no IP, by construction.</summary>
public sealed record CommentView(int Id, int? ParentId, string AuthorName, string? AuthorUrl, string BodyHtml, DateTime CreatedAt, bool IsStaff)
{
    /// <summary>A trashed comment kept as a placeholder because approved replies hang from it.</summary>
    public bool Removed { get; init; }

    /// <summary>The reader's own comment, still held: shown to that browser alone.</summary>
    public bool AwaitingModeration { get; init; }

    public List<CommentView> Replies { get; } = [];
}
