namespace Dateline.Web;

/// <summary>
/// Endpoint metadata: query parameters that shape this endpoint's answer beyond those of every
/// public page (<c>page</c>, <c>cpage</c>, <c>replyto</c>), so that the cache keeps one entry per
/// value. Named per endpoint, not for all: on any other page such a parameter would only let a
/// caller fill the cache with copies.
/// </summary>
public sealed class PageCacheQueryKeys(params string[] keys)
{
    public IReadOnlyList<string> Keys { get; } = keys;
}
