namespace Dateline.Features.Settings;

/// <summary>One site setting, stored as text under a dotted key ("discussion.holdLinks").</summary>
public sealed class Setting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
