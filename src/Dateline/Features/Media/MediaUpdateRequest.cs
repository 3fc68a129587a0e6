namespace Dateline.Features.Media;

/// <summary>
/// The JSON that changes a media item's words, as the OpenAPI document describes it. Absent fields
/// are left as they are; null or "" clears one.
/// </summary>
public sealed record MediaUpdateRequest(string? Alt, string? Caption, string? Credit);
