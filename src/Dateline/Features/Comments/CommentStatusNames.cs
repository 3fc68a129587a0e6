namespace Dateline.Features.Comments;

/// <summary>
/// The words the contract uses for statuses (held, approved, spam, trash) and for moderators'
/// decisions (approve, hold, spam, trash), shared by the newsroom API and the queue pages.
/// </summary>
public static class CommentStatusNames
{
    public static readonly IReadOnlyList<CommentStatus> Tabs = [CommentStatus.Held, CommentStatus.Approved, CommentStatus.Spam, CommentStatus.Trash];

    public static string Of(CommentStatus status) => status switch
    {
        CommentStatus.Held => "held",
        CommentStatus.Approved => "approved",
        CommentStatus.Spam => "spam",
        _ => "trash",
    };

    public static CommentStatus? Parse(string? status) => status switch
    {
        "held" => CommentStatus.Held,
        "approved" => CommentStatus.Approved,
        "spam" => CommentStatus.Spam,
        "trash" => CommentStatus.Trash,
        _ => null,
    };

    /// <summary>The status a decision moves a comment to, or null for anything else.</summary>
    public static CommentStatus? ForDecision(string? decision) => decision switch
    {
        "approve" => CommentStatus.Approved,
        "hold" => CommentStatus.Held,
        "spam" => CommentStatus.Spam,
        "trash" => CommentStatus.Trash,
        _ => null,
    };
}
