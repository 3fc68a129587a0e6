namespace Dateline.Features.Articles;

public enum ArticleNoteKind
{
    Correction,
    Update,
}
