using System.Globalization;

namespace Dateline.Features.Articles.Revisions;

/// <summary>
/// The fields a revision compares, in the order an editor reads an article, written once for the
/// summaries and the diffs. The body is compared line by line, so it is listed apart.
/// </summary>
public static class RevisionFields
{
    public static readonly RevisionField Body = new("bodyMarkdown", "body", s => s.BodyMarkdown);

    public static readonly IReadOnlyList<RevisionField> All =
    [
        new("headline", "headline", s => s.Headline),
        new("dek", "dek", s => s.Dek),
        new("slug", "slug", s => s.Slug),
        new("dateline", "dateline", s => s.Dateline),
        new("authors", "authors", s => Lines(s.Authors.Select(a => a.Name))),
        new("image.url", "lead image", s => s.Image?.Url),
        new("image.alt", "image description", s => s.Image?.Alt),
        new("image.caption", "image caption", s => s.Image?.Caption),
        new("image.credit", "image credit", s => s.Image?.Credit),
        new("image.size", "image size", s => s.Image is { Width: { } w, Height: { } h } ? string.Create(CultureInfo.InvariantCulture, $"{w} × {h}") : null),
        new("credits", "credits", s => Lines(s.Credits)),
        new("topics", "topics", s => Lines(s.Topics.Select(t => t.Name))),
        new("section", "section", s => s.Section),
        new("status", "status", s => ArticleResponse.StatusName(s.Status)),
        new("publishedAt", "publication time", s => s.PublishedAt is { } at ? SiteClock.Iso(at) : null),
        new("commentsOpen", "comments", s => s.CommentsOpen ? "open" : "closed"),
        new("originalUrl", "original URL", s => s.OriginalUrl),
    ];

    /// <summary>Every compared field whose text differs, the body included.</summary>
    public static IEnumerable<RevisionField> Changed(ArticleSnapshot? before, ArticleSnapshot after) =>
        All.Append(Body).Where(f => !string.Equals(before is null ? null : f.Text(before), f.Text(after), StringComparison.Ordinal));

    // One item a line: names may hold commas, and a word diff of lines reads well.
    private static string? Lines(IEnumerable<string> items) => string.Join('\n', items) is { Length: > 0 } text ? text : null;
}
