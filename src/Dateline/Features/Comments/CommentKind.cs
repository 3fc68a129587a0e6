namespace Dateline.Features.Comments;

public enum CommentKind
{
    Comment,
    Pingback,
    Trackback,
}
