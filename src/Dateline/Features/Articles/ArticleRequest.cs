namespace Dateline.Features.Articles;

/// <summary>
/// The JSON an editor sends to create or patch an article, as the OpenAPI document describes it.
/// The body is read by <see cref="ArticleJsonReader"/>, so that each wrong field is named; authors and
/// topics may also be given as plain names. In a PATCH, absent fields are left as they are.
/// </summary>
public sealed record ArticleRequest(
    string? Headline,
    string? Slug,
    string? Dek,
    string? Dateline,
    string? BodyMarkdown,
    IReadOnlyList<NameResponse>? Authors,
    IReadOnlyList<string>? Credits,
    ImageResponse? Image,
    IReadOnlyList<NameResponse>? Topics,
    string? Section,
    string? Status,
    DateTime? PublishedAt,
    bool? CommentsOpen,
    string? OriginalUrl);
