namespace Dateline.IntegrationTests.Comments;

/// <summary>The settings' JSON as a client sees it (the defaults mirror the product's).</summary>
public sealed record DiscussionSettingsShape
{
    public bool CommentsOpenByDefault { get; init; } = true;
    public int CloseAfterDays { get; init; }
    public bool RequirePreviousApproval { get; init; } = true;
    public int HoldLinkCount { get; init; } = 2;
    public IReadOnlyList<string> HoldWords { get; init; } = [];
    public IReadOnlyList<string> DenyWords { get; init; } = [];
    public int ThreadDepth { get; init; } = 5;
    public int PageSize { get; init; } = 50;
    public bool NewestFirst { get; init; }
    public int FloodSeconds { get; init; } = 15;
    public int MinimumSecondsToSubmit { get; init; } = 3;
    public int EraseIpAfterDays { get; init; } = 30;
}
