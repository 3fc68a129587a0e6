namespace Dateline.Features.Sitemaps;

/// <summary>An article as the Google News sitemap carries it.</summary>
public sealed record NewsEntry(DateOnly PathDate, string Slug, string Headline, DateTime PublishedAt, DateTime UpdatedAt);
