namespace Dateline.Features.Articles.Revisions;

/// <summary>
/// What changed from one state of an article to another: the fields that differ, then the body
/// line by line. Every text is plain, for the page or client to encode.
/// </summary>
public sealed record RevisionDiff(
    int ArticleId,
    RevisionSide From,
    RevisionSide To,
    IReadOnlyList<FieldDiff> Fields,
    bool BodyChanged,
    IReadOnlyList<BodyDiffLine> Body)
{
    public bool HasChanges => BodyChanged || Fields.Count > 0;
}
