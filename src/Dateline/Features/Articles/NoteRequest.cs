namespace Dateline.Features.Articles;

/// <summary>A correction or update to append: kind is "correction" (the default) or "update".</summary>
public sealed record NoteRequest(string? Text, string? Kind);
