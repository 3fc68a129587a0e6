namespace Dateline.Features.Comments;

/// <summary>A browser's commenter key and the ids of its comments awaiting moderation.</summary>
public sealed record CommenterState(string Key, IReadOnlyList<int> Held);
