using Dateline.Features.Articles;
using Dateline.Web;

namespace Dateline.Features.Archives;

/// <summary>A list of articles with its heading and the path its pager links to.</summary>
public sealed record ArticleListing(string? Heading, string? Intro, Page<ArticleSummary> Page, string BasePath);
