namespace Dateline.Features.Comments;

public enum CommentStatus
{
    Held,
    Approved,
    Spam,
    Trash,
}
