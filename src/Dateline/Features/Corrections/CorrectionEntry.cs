using Dateline.Features.Articles;

namespace Dateline.Features.Corrections;

/// <summary>A correction or update as the site-wide list and feed show it: the note, and the article it belongs to.</summary>
public sealed record CorrectionEntry(
    int Id,
    ArticleNoteKind Kind,
    DateTime At,
    string Text,
    int ArticleId,
    string Headline,
    DateOnly PathDate,
    string Slug,
    DateTime ArticleUpdatedAt)
{
    public string KindName => Kind == ArticleNoteKind.Correction ? "Correction" : "Update";

    /// <summary>The note on its article's page.</summary>
    public string Path => $"{ArticlePaths.Of(PathDate, Slug)}#note-{Id}";
}
