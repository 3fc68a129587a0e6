namespace Dateline.Features.Articles;

/// <summary>A correction or an update appended to an article, shown with its time.</summary>
public sealed class ArticleNote
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public ArticleNoteKind Kind { get; set; }
    public DateTime At { get; set; }
    public required string Text { get; set; }
}
