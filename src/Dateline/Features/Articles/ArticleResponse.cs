namespace Dateline.Features.Articles;

/// <summary>An article as the JSON API answers it (the contract's shape).</summary>
public sealed record ArticleResponse(
    int Id,
    string Slug,
    string? Url,
    string Headline,
    string? Dek,
    string? Dateline,
    string BodyMarkdown,
    string BodyHtml,
    IReadOnlyList<NameResponse> Authors,
    IReadOnlyList<string> Credits,
    ImageResponse? Image,
    IReadOnlyList<NameResponse> Topics,
    string? Section,
    string Status,
    DateTime? PublishedAt,
    DateTime UpdatedAt,
    IReadOnlyList<NoteResponse> Corrections,
    bool CommentsOpen,
    int CommentCount,
    string? OriginalUrl)
{
    public static ArticleResponse From(ArticleView a, string baseUrl, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(
            a.Id,
            a.Slug,
            a.Path is { } path ? baseUrl + path : null,
            a.Headline,
            a.Dek,
            a.Dateline,
            a.BodyMarkdown,
            a.BodyHtml,
            [.. a.Authors.Select(p => new NameResponse(p.Name, p.Slug))],
            a.Credits,
            a.Image is { } i ? new ImageResponse(i.Url, i.Alt, i.Caption, i.Credit, i.Width, i.Height, i.MediaId) : null,
            [.. a.Topics.Select(t => new NameResponse(t.Name, t.Slug))],
            a.Section?.Name,
            StatusName(a.StatusAt(now)),
            a.PublishedAt,
            a.UpdatedAt,
            [.. a.Corrections.Select(n => new NoteResponse(n.At, n.Text, n.Kind == ArticleNoteKind.Correction ? "correction" : "update"))],
            a.CommentsOpen,
            a.CommentCount,
            a.OriginalUrl);
    }

    public static string StatusName(ArticleStatus status) => status switch
    {
        ArticleStatus.Published => "published",
        ArticleStatus.Scheduled => "scheduled",
        _ => "draft",
    };
}
