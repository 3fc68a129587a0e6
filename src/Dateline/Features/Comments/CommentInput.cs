namespace Dateline.Features.Comments;

/// <summary>What a reader sends, from the form or the JSON API, before any checks.</summary>
public sealed record CommentInput(int ArticleId, int? ParentId, string? Body, string? Name, string? Email, string? Url)
{
    public bool Remember { get; init; }

    /// <summary>"Notify me of follow-up comments by email": confirmed by a mailed link before it counts.</summary>
    public bool Subscribe { get; init; }

    /// <summary>A field hidden from people; whatever fills it is a robot.</summary>
    public string? Honeypot { get; init; }

    /// <summary>The signed time the form was rendered, for the minimum-time check; null from the API.</summary>
    public DateTime? FormRenderedAt { get; init; }
}
