namespace Dateline.Features.Comments;

/// <summary>The JSON a reader posts, as the OpenAPI document describes it.</summary>
public sealed record CommentRequest(int? ParentId, string? Body, string? Name, string? Email, string? Url, bool? Subscribe);
