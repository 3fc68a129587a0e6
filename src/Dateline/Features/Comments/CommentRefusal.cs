namespace Dateline.Features.Comments;

/// <summary>Why a comment was refused, with the reader's text to give back.</summary>
public sealed record CommentRefusal(string Title, string Message, string? Body, string? ArticlePath);
