namespace Dateline.Features.Articles.Revisions;

/// <summary>An author or topic as a snapshot keeps it: the name shown and the slug that finds it again.</summary>
public sealed record SnapshotName(string Name, string Slug);
