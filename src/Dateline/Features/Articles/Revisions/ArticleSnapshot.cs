using System.Text.Json.Serialization;

namespace Dateline.Features.Articles.Revisions;

/// <summary>
/// The editable fields of an article as one save left them. Stored as JSON with its revision, so
/// its shape is a storage format: add properties with defaults, never rename one.
/// </summary>
public sealed record ArticleSnapshot
{
    public required string Headline { get; init; }
    public required string Slug { get; init; }
    public string? Dek { get; init; }
    public string? Dateline { get; init; }
    public string BodyMarkdown { get; init; } = "";
    public IReadOnlyList<SnapshotName> Authors { get; init; } = [];
    public IReadOnlyList<string> Credits { get; init; } = [];
    public IReadOnlyList<SnapshotName> Topics { get; init; } = [];
    public string? Section { get; init; }
    public SnapshotImage? Image { get; init; }
    public bool CommentsOpen { get; init; }

    [JsonConverter(typeof(ArticleStatusJsonConverter))]
    public ArticleStatus Status { get; init; }

    public DateTime? PublishedAt { get; init; }
    public string? OriginalUrl { get; init; }

    /// <summary>The article as it stands; its bylines, topics and section must be loaded.</summary>
    public static ArticleSnapshot Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleSnapshot
        {
            Headline = article.Headline,
            Slug = article.Slug,
            Dek = article.Dek,
            Dateline = article.Dateline,
            BodyMarkdown = article.BodyMarkdown,
            Authors = [.. article.Authors.OrderBy(a => a.Position).Select(a => new SnapshotName(a.Author.Name, a.Author.Slug))],
            Credits = [.. article.Credits],
            // Topics have no order of their own; sorting keeps two snapshots of one state equal.
            Topics = [.. article.Topics.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Slug, StringComparer.Ordinal).Select(t => new SnapshotName(t.Name, t.Slug))],
            Section = article.Section?.Name,
            Image = article.Image is { } i ? new SnapshotImage(i.Url, i.Alt, i.Caption, i.Credit, i.Width, i.Height) : null,
            CommentsOpen = article.CommentsOpen,
            Status = article.Status,
            PublishedAt = article.PublishedAt,
            OriginalUrl = article.OriginalUrl,
        };
    }

    /// <summary>Whether two snapshots hold the same content (records compare lists by reference).</summary>
    public bool SameAs(ArticleSnapshot other) =>
        string.Equals(ArticleSnapshotJson.Write(this), ArticleSnapshotJson.Write(other), StringComparison.Ordinal);
}
