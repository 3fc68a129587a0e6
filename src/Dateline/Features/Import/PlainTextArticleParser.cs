namespace Dateline.Features.Import;

/// <summary>
/// Reads an article pasted into a plain-text file, typically a whole story selected in a browser.
/// </summary>
/// <remarks>
/// <para>
/// The contract: the first non-empty line is the headline; paragraphs are separated by blank
/// lines; a line alone that is a photo credit ("Name/Agency", "Name/Agency, via Wire") is the lead
/// image's credit; closing "X contributed reporting." / "X contributed research." lines are
/// contributor credits; page furniture (comment forms, share and subscribe prompts) is dropped
/// and listed.
/// </para>
/// <para>
/// Everything else is guessed conservatively, because a stray paragraph is easy to delete in the
/// editor while a lost one goes unnoticed: when in doubt a line stays in the body. The guesses:
/// known furniture and publication-time lines above the headline are skipped (copied pages often
/// start with "Advertisement"); a dek is one line of at most 300 characters between the headline
/// and the byline, date or photo; the paragraph just before a credit (or, failing that, just
/// after it) is the caption; "By ..." and date lines are read only near the top; a dateline is
/// reported but left in the first paragraph; a block whose lines are too long to be hard-wrapped
/// has one paragraph per line; a comment form, or a trailing "Related" list with no sentence
/// after it, ends the article.
/// </para>
/// </remarks>
public static class PlainTextArticleParser
{
    /// <exception cref="PlainTextImportException">The text has no line that could be a headline.</exception>
    public static PlainTextArticle Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PlainTextArticleReader(PlainTextLines.Split(text)).Read();
    }
}
