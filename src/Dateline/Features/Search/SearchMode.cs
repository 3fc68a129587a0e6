namespace Dateline.Features.Search;

public enum SearchMode
{
    /// <summary>Every word, each also as the start of a longer word: what a reader's query means.</summary>
    AllWords,

    /// <summary>Any of the words, whole: how related articles are found from a headline.</summary>
    AnyWord,
}
