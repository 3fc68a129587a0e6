namespace Dateline.Features.Import.Disqus;

/// <summary>One top-level element of a Disqus export, with the line it starts on.</summary>
public abstract record DisqusRecord(int Line);

/// <summary>A page that had comments: Disqus's id for it, the site's own identifier, and its address.</summary>
public sealed record DisqusThread(int Line, string? DsqId, string? Identifier, string? Link, string? Title, bool IsClosed, bool IsDeleted) : DisqusRecord(Line);

/// <summary>A comment. Its message is HTML as Disqus stored it; its thread and parent are Disqus ids.</summary>
public sealed record DisqusPost(int Line, string? DsqId, string? Identifier, string Message, DateTime CreatedAt, bool IsDeleted, bool IsSpam,
    string? AuthorName, string? AuthorEmail, string? AuthorUsername, string? IpAddress, string? ThreadId, string? ParentId) : DisqusRecord(Line)
{
    /// <summary>What the post is known by: Disqus's id, or the id the site gave it when that is missing.</summary>
    public string? Key => DsqId ?? Identifier;
}

/// <summary>An element that could not be read (malformed XML, an unreadable date or flag); it is skipped and reported.</summary>
public sealed record DisqusBadRecord(int Line, string Element, string? DsqId, string Reason) : DisqusRecord(Line)
{
    public string Label => DsqId is null ? $"{Element} at line {Line}" : $"{Element} {DsqId} at line {Line}";
}
