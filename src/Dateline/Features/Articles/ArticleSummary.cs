namespace Dateline.Features.Articles;

/// <summary>An article as lists show it: home, archives, API pages.</summary>
public sealed record ArticleSummary(
    int Id,
    string Headline,
    string Slug,
    string? Dek,
    IReadOnlyList<NameView> Authors,
    LeadImageView? Image,
    NameView? Section,
    DateTime PublishedAt,
    DateOnly PathDate,
    int CommentCount)
{
    public string Path => ArticlePaths.Of(PathDate, Slug);
}
