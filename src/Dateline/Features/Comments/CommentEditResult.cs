using Dateline.Web;

namespace Dateline.Features.Comments;

/// <summary>What became of a moderator's edit: no such comment, invalid fields, or saved.</summary>
public sealed record CommentEditResult(bool Found, FieldErrors Errors)
{
    public bool Saved => Found && Errors.IsEmpty;
}
