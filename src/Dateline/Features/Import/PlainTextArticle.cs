namespace Dateline.Features.Import;

/// <summary>
/// An article read from a plain-text file, as <see cref="PlainTextArticleParser"/> understood it.
/// </summary>
/// <param name="Headline">The first non-empty line that is not page furniture.</param>
/// <param name="Dek">The standfirst under the headline, when the file has one.</param>
/// <param name="Authors">Names from the byline, in byline order.</param>
/// <param name="Dateline">The place that opens the first paragraph ("BEIJING", "KYIV, Ukraine"); the paragraph itself is left intact.</param>
/// <param name="BodyMarkdown">The body paragraphs as Markdown, escaped so that they render as the plain text they were.</param>
/// <param name="ImageCaption">The caption of the lead image.</param>
/// <param name="ImageCredit">The credit of the lead image ("Jane Doe/Reuters").</param>
/// <param name="Credits">Closing "contributed reporting/research" sentences, verbatim, one per sentence.</param>
/// <param name="Dropped">Every line left out as page furniture, verbatim and in input order.</param>
public sealed record PlainTextArticle(
    string Headline,
    string? Dek,
    IReadOnlyList<string> Authors,
    string? Dateline,
    string BodyMarkdown,
    string? ImageCaption,
    string? ImageCredit,
    IReadOnlyList<string> Credits,
    IReadOnlyList<string> Dropped);
