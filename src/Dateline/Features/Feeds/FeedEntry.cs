using System.Linq.Expressions;
using Dateline.Features.Articles;

namespace Dateline.Features.Feeds;

/// <summary>An article as feeds carry it: everything public about it, and nothing else.</summary>
public sealed record FeedEntry(
    int Id,
    string Headline,
    string Slug,
    string? Dek,
    string BodyHtml,
    IReadOnlyList<NameView> Authors,
    IReadOnlyList<NameView> Topics,
    NameView? Section,
    FeedImage? Image,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    DateOnly PathDate)
{
    public static readonly Expression<Func<Article, FeedEntry>> Projection = a => new FeedEntry(
        a.Id,
        a.Headline,
        a.Slug,
        a.Dek,
        a.BodyHtml,
        a.Authors.OrderBy(x => x.Position).Select(x => new NameView(x.Author.Name, x.Author.Slug)).ToList(),
        a.Topics.OrderBy(t => t.Name).Select(t => new NameView(t.Name, t.Slug)).ToList(),
        a.Section == null ? null : new NameView(a.Section.Name, a.Section.Slug),
        a.Image == null || a.Image.Url == null ? null : new FeedImage(
            a.Image.Url,
            a.Image.Alt ?? a.Image.Media!.Alt,
            a.Image.Caption ?? a.Image.Media!.Caption,
            a.Image.Credit ?? a.Image.Media!.Credit,
            a.Image.Width,
            a.Image.Height,
            a.Image.Media == null ? null : FeedImageFile.Of(a.Image.Url, a.Image.Media.ContentType, a.Image.Media.ByteSize, a.Image.Media.Variants)),
        a.PublishedAt!.Value,
        a.UpdatedAt,
        a.PathDate!.Value);

    public string Path => ArticlePaths.Of(PathDate, Slug);

    /// <summary>An article published on schedule may have been saved last before it went out.</summary>
    public DateTime Modified => UpdatedAt > PublishedAt ? UpdatedAt : PublishedAt;
}
