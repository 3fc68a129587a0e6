namespace Dateline.Features.Comments;

/// <summary>
/// The site's discussion rules, with WordPress's defaults. Stored in the database as one
/// setting and changed through the newsroom API (and later its settings page).
/// </summary>
public sealed record DiscussionSettings
{
    public const string Key = "discussion";

    /// <summary>Whether new articles accept comments.</summary>
    public bool CommentsOpenByDefault { get; init; } = true;

    /// <summary>Close comments on articles older than this many days; 0 never closes them.</summary>
    public int CloseAfterDays { get; init; }

    /// <summary>Hold a comment unless its browser has a previously approved comment by the same e-mail.</summary>
    public bool RequirePreviousApproval { get; init; } = true;

    /// <summary>Hold a comment with this many links or more; 0 turns the rule off.</summary>
    public int HoldLinkCount { get; init; } = 2;

    /// <summary>Words or fragments (one per entry, case-insensitive) that hold a comment for moderation.</summary>
    public IReadOnlyList<string> HoldWords { get; init; } = [];

    /// <summary>Words or fragments that send a comment straight to the trash.</summary>
    public IReadOnlyList<string> DenyWords { get; init; } = [];

    /// <summary>How deep replies nest; 1 means no replies to replies.</summary>
    public int ThreadDepth { get; init; } = 5;

    /// <summary>Top-level comments per page of a thread.</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>Show the newest top-level comments first.</summary>
    public bool NewestFirst { get; init; }

    /// <summary>Seconds a commenter (by IP or e-mail) must wait between comments.</summary>
    public int FloodSeconds { get; init; } = 15;

    /// <summary>Seconds between showing the form and a believable submission.</summary>
    public int MinimumSecondsToSubmit { get; init; } = 3;

    /// <summary>Days after which commenters' IP addresses and user agents are erased.</summary>
    public int EraseIpAfterDays { get; init; } = 30;

    /// <summary>
    /// Whether an article takes comments at <paramref name="now"/>: its own switch, and the
    /// close-after-days rule, so that the page never offers a form that posting would refuse.
    /// </summary>
    public bool AcceptsComments(bool commentsOpen, DateTime? publishedAt, DateTime now) =>
        commentsOpen && (CloseAfterDays <= 0 || publishedAt is not { } at || at >= now.AddDays(-CloseAfterDays));
}
