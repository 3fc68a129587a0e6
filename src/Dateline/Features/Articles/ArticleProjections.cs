using System.Linq.Expressions;
using Dateline.Features.Comments;

namespace Dateline.Features.Articles;

/// <summary>Projections from the entity, so that every read selects just the columns it shows.</summary>
public static class ArticleProjections
{
    public static readonly Expression<Func<Article, ArticleView>> View = a => new ArticleView(
        a.Id,
        a.Headline,
        a.Slug,
        a.Dek,
        a.Dateline,
        a.BodyMarkdown,
        a.BodyHtml,
        a.Authors.OrderBy(x => x.Position).Select(x => new PersonView(x.Author.Name, x.Author.Slug, x.Author.Bio)).ToList(),
        a.Credits,
        a.Image == null ? null : new LeadImageView(
            a.Image.Url,
            a.Image.Alt ?? a.Image.Media!.Alt,
            a.Image.Caption ?? a.Image.Media!.Caption,
            a.Image.Credit ?? a.Image.Media!.Credit,
            a.Image.Width,
            a.Image.Height,
            a.Image.MediaId,
            a.Image.Media == null ? null : a.Image.Media.Variants),
        a.Topics.OrderBy(t => t.Name).Select(t => new NameView(t.Name, t.Slug)).ToList(),
        a.Section == null ? null : new NameView(a.Section.Name, a.Section.Slug),
        a.Status,
        a.PublishedAt,
        a.PathDate,
        a.CreatedAt,
        a.UpdatedAt,
        a.Corrections.OrderBy(n => n.At).Select(n => new NoteView(n.Id, n.Kind, n.At, n.Text)).ToList(),
        a.CommentsOpen,
        a.Comments.Count(c => c.Status == CommentStatus.Approved),
        a.OriginalUrl,
        a.CreatedBy,
        a.Version);

    public static readonly Expression<Func<Article, ArticleSummary>> Summary = a => new ArticleSummary(
        a.Id,
        a.Headline,
        a.Slug,
        a.Dek,
        a.Authors.OrderBy(x => x.Position).Select(x => new NameView(x.Author.Name, x.Author.Slug)).ToList(),
        a.Image == null ? null : new LeadImageView(
            a.Image.Url,
            a.Image.Alt ?? a.Image.Media!.Alt,
            a.Image.Caption ?? a.Image.Media!.Caption,
            a.Image.Credit ?? a.Image.Media!.Credit,
            a.Image.Width,
            a.Image.Height,
            a.Image.MediaId,
            a.Image.Media == null ? null : a.Image.Media.Variants),
        a.Section == null ? null : new NameView(a.Section.Name, a.Section.Slug),
        a.PublishedAt!.Value,
        a.PathDate!.Value,
        a.Comments.Count(c => c.Status == CommentStatus.Approved));
}
