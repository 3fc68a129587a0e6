namespace Dateline.Features.Articles.Revisions;

/// <summary>One revision in a list: who saved it, when, and what it changed.</summary>
public sealed record RevisionResponse(int Number, DateTime SavedAt, string SavedBy, string SavedByName, string Summary, int? RestoredFrom);
