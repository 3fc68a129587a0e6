using Dateline.Features.Authors;

namespace Dateline.Features.Articles;

/// <summary>An author's place in an article's byline; the order is the byline's order.</summary>
public sealed class ArticleAuthor
{
    public int ArticleId { get; set; }
    public int AuthorId { get; set; }
    public int Position { get; set; }
    public Author Author { get; set; } = null!;
}
