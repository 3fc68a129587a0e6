namespace Dateline.Features.Comments;

/// <summary>What "Save my name, email, and website in this browser" keeps, encrypted in a cookie.</summary>
public sealed record RememberedCommenter(string Name, string Email, string? Url);
