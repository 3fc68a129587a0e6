namespace Dateline.Features.Media;

/// <summary>One page of the media library, newest first.</summary>
public sealed record MediaListResponse(IReadOnlyList<MediaResponse> Media, int Page, bool HasNext, string? Next);
