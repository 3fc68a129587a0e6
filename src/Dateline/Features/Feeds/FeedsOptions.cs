namespace Dateline.Features.Feeds;

/// <summary>The "Dateline:Feeds" section.</summary>
public sealed class FeedsOptions
{
    /// <summary>Whether article feeds carry the whole body, or only the dek and a link.</summary>
    public bool FullContent { get; set; } = true;
}
