namespace Dateline.Features.Search;

/// <summary>A reader's search: the words, the optional filters, the order and the page.</summary>
public sealed record SearchRequest(SearchTerms Terms)
{
    public string? TopicSlug { get; init; }
    public string? AuthorSlug { get; init; }

    /// <summary>First and last day, in the site's time zone, both included.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
    public bool NewestFirst { get; init; }
    public int Page { get; init; } = 1;
}
