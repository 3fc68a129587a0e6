using Dateline.Web;

namespace Dateline.Features.Search;

public sealed record SearchResults(Page<SearchResult> Page, int Total);
