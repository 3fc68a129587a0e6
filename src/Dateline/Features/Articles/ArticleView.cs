namespace Dateline.Features.Articles;

/// <summary>Everything a page or an API answer shows of one article, read in one query.</summary>
public sealed record ArticleView(
    int Id,
    string Headline,
    string Slug,
    string? Dek,
    string? Dateline,
    string BodyMarkdown,
    string BodyHtml,
    IReadOnlyList<PersonView> Authors,
    IReadOnlyList<string> Credits,
    LeadImageView? Image,
    IReadOnlyList<NameView> Topics,
    NameView? Section,
    ArticleStatus Status,
    DateTime? PublishedAt,
    DateOnly? PathDate,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<NoteView> Corrections,
    bool CommentsOpen,
    int CommentCount,
    string? OriginalUrl,
    string? CreatedBy,
    Guid Version)
{
    public string? Path => PathDate is { } date ? ArticlePaths.Of(date, Slug) : null;

    /// <summary>The status readers see: a scheduled article whose time has come is published.</summary>
    public ArticleStatus StatusAt(DateTime now) =>
        Status == ArticleStatus.Scheduled && PublishedAt <= now ? ArticleStatus.Published : Status;

    /// <summary>Whether it was changed in a way worth telling readers, after it was published.</summary>
    public bool WasUpdated => PublishedAt is { } published && UpdatedAt > published.AddMinutes(5);
}
