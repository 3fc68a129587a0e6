namespace Dateline.Features.Comments;

/// <summary>Field limits, after WordPress's columns, shared by the schema, validation and the form.</summary>
public static class CommentLimits
{
    public const int Body = 20_000;
    public const int Name = 245;
    public const int Email = 100;
    public const int Url = 200;
}
