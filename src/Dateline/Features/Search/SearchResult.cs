using Dateline.Features.Articles;

namespace Dateline.Features.Search;

/// <summary>One article found, with its headline and an excerpt showing where the words matched.</summary>
public sealed record SearchResult(ArticleSummary Article, Highlighted Headline, Highlighted Excerpt);
