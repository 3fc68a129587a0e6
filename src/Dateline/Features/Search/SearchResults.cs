using Dateline.Web;

namespace Dateline.Features.Search;

/// <param name="Page">This page of results.</param>
/// <param name="Total">How many were found, or ranked when <paramref name="Windowed"/>.</param>
/// <param name="Windowed">True when only the newest matches were ranked and more exist.</param>
public sealed record SearchResults(Page<SearchResult> Page, int Total, bool Windowed);
