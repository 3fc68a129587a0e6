namespace Dateline.Features.Articles.Revisions;

/// <summary>
/// One side of a diff: a revision by number, the article as it is now (no number), or the empty
/// article before its first revision (number 0).
/// </summary>
public sealed record RevisionSide(int? Number, DateTime? SavedAt, string? SavedBy, string? SavedByName);
