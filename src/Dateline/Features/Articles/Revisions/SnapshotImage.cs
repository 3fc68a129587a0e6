namespace Dateline.Features.Articles.Revisions;

public sealed record SnapshotImage(string? Url, string? Alt, string? Caption, string? Credit, int? Width, int? Height);
