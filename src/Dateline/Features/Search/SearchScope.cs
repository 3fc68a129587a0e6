namespace Dateline.Features.Search;

/// <summary>
/// What narrows a search inside the index, before anything is ranked: the first article id to
/// look at, and the topic and author the article must have, by id (0 for any) and by name (""
/// for any); each index uses what it can narrow by exactly or as a superset. The caller applies
/// the reader's filters exactly afterwards. Its use is that a common word is then ranked only
/// where the filters can hold, not in every article that has it.
/// </summary>
public sealed record SearchScope
{
    public static readonly SearchScope All = new();

    public int FromId { get; init; }
    public int TopicId { get; init; }
    public string TopicName { get; init; } = "";
    public int AuthorId { get; init; }
    public string AuthorName { get; init; } = "";
}
