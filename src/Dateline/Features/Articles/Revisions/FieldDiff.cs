namespace Dateline.Features.Articles.Revisions;

/// <summary>A field that differs: both texts, and the words that changed between them.</summary>
public sealed record FieldDiff(string Field, string Label, string? Old, string? New, IReadOnlyList<DiffSpan> Spans);
