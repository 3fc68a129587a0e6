namespace Dateline.Features.Articles.Revisions;

/// <summary>
/// One line of the body diff, with its line numbers on each side (none on the side it is missing
/// from). A modified line's spans interleave the deleted and inserted words.
/// </summary>
public sealed record BodyDiffLine(DiffChange Change, int? OldLine, int? NewLine, IReadOnlyList<DiffSpan> Spans);
