using Dateline.Web;

namespace Dateline.Features.Comments;

/// <summary>A newsroom user's reply under a comment in the queue, as typed, with what was wrong with it.</summary>
public sealed record StaffReplyForm(int ParentId, string? Body, FieldErrors Errors);
