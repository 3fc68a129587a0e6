namespace Dateline.Web;

/// <summary>One page of a list, numbered from 1.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, bool HasNext)
{
    public bool HasPrevious => Number > 1;
}
