namespace Dateline.Features.Comments;

/// <summary>One comment's place in a thread: what the page of a comment depends on, and no more.</summary>
/// <param name="Removed">A trashed comment, shown as a placeholder while approved replies hang from it.</param>
public readonly record struct CommentOutline(int Id, int? ParentId, bool Removed);
