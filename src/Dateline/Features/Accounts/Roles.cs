namespace Dateline.Features.Accounts;

public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Author = "author";
    public const string Contributor = "contributor";
    public const string Moderator = "moderator";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Author, Contributor, Moderator];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
