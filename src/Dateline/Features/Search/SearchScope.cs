namespace Dateline.Features.Search;

/// <summary>
/// What narrows a search inside the index, before anything is ranked: the first article id to
/// look at, and the name of a topic (or section) and of an author that the article's entry must
/// contain. A scope may let through more than the reader's filters do, since those are applied
/// exactly afterwards, but never fewer; its use is that a common word is then ranked only where
/// the filters can hold, not in every article that has it.
/// </summary>
public sealed record SearchScope
{
    public static readonly SearchScope All = new();

    public int FromId { get; init; }
    public string TopicName { get; init; } = "";
    public string AuthorName { get; init; } = "";
}
