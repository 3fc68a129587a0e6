namespace Dateline.Features.Articles;

/// <summary>
/// What an editor asks to change in an article, from the API's JSON, the newsroom form or an
/// import. Unset fields are left alone, so one type serves create and partial update.
/// </summary>
public sealed class ArticleInput
{
    public Optional<string> Headline { get; set; }
    public Optional<string?> Slug { get; set; }
    public Optional<string?> Dek { get; set; }
    public Optional<string?> Dateline { get; set; }
    public Optional<string> BodyMarkdown { get; set; }
    public Optional<IReadOnlyList<NameInput>> Authors { get; set; }
    public Optional<IReadOnlyList<string>> Credits { get; set; }
    public Optional<ImageInput?> Image { get; set; }
    public Optional<IReadOnlyList<NameInput>> Topics { get; set; }
    public Optional<string?> Section { get; set; }
    public Optional<ArticleStatus> Status { get; set; }
    public Optional<DateTime?> PublishedAt { get; set; }
    public Optional<bool> CommentsOpen { get; set; }
    public Optional<string?> OriginalUrl { get; set; }

    /// <summary>Set by imports only; no API or form accepts it.</summary>
    public Optional<string?> OriginalId { get; set; }

    /// <summary>
    /// The body already rendered from this Markdown, by an import that renders on another thread
    /// while the database writes the posts before it. Used only while it belongs to the Markdown
    /// being saved; no API or form can set it.
    /// </summary>
    internal (string Markdown, string Html)? RenderedBody { get; set; }
}
