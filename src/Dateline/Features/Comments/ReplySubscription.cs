namespace Dateline.Features.Comments;

/// <summary>
/// A commenter's wish to hear of replies to one comment ("Notify me of follow-up comments by
/// email"). It counts only once confirmed from the mailed link, so nobody can sign up a stranger.
/// </summary>
public sealed class ReplySubscription
{
    public int Id { get; set; }
    public int CommentId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
}
