namespace Dateline.Features.Import.Wxr;

/// <summary>One thing read from a WXR file, in file order.</summary>
public abstract record WxrRecord(int Line);

/// <summary>The channel's facts, read before its first author, term or item.</summary>
public sealed record WxrSite(int Line, string Version, string? Title, string? BaseSiteUrl, string? BaseBlogUrl, string? Language) : WxrRecord(Line);

public sealed record WxrAuthor(int Line, int? Id, string Login, string? Email, string? DisplayName, string? FirstName, string? LastName) : WxrRecord(Line);

/// <summary>A category, tag or custom term; <see cref="Taxonomy"/> is WordPress's name for its kind ("category", "post_tag", …).</summary>
public sealed record WxrTerm(int Line, int? Id, string Taxonomy, string Slug, string Name, string? ParentSlug, string? Description) : WxrRecord(Line);

/// <summary>A term named on an item: its taxonomy ("category", "post_tag", …), slug and name.</summary>
public sealed record WxrItemTerm(string Taxonomy, string Slug, string Name);

public sealed record WxrMeta(string Key, string Value);

public sealed record WxrComment(
    string Id,
    string? Author,
    string? AuthorEmail,
    string? AuthorUrl,
    string? AuthorIp,
    DateTime? DateGmt,
    DateTime? DateLocal,
    string Content,
    string Approved,
    string? Type,
    string? ParentId,
    IReadOnlyList<WxrMeta> Meta);

/// <summary>A post, page, attachment or any other post type, with its terms, meta and comments.</summary>
public sealed record WxrItem(
    int Line,
    string? PostId,
    string Title,
    string? Link,
    string? Identifier,
    string? Creator,
    string Content,
    string Excerpt,
    DateTime? DateGmt,
    DateTime? DateLocal,
    string? CommentStatus,
    string? Slug,
    string Status,
    string? ParentId,
    string PostType,
    string? AttachmentUrl,
    IReadOnlyList<WxrItemTerm> Terms,
    IReadOnlyList<WxrMeta> Meta,
    IReadOnlyList<WxrComment> Comments) : WxrRecord(Line)
{
    public string? MetaValue(string key) => Meta.FirstOrDefault(m => m.Key == key)?.Value;
}
