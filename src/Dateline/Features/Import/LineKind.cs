namespace Dateline.Features.Import;

/// <summary>What a single line is, judged on its own (see <see cref="ClassifiedLines.Classify"/>).</summary>
internal enum LineKind : byte
{
    /// <summary>Not judged yet, or past the end of the article.</summary>
    Unknown = 0,
    Text,
    Furniture,
    PhotoCredit,
    CaptionWithCredit,
    Byline,
    Timestamp,
    ReportingFrom,
    ContributorCredit,
}
