using Dateline.Features.Authors;
using Dateline.Features.Topics;

namespace Dateline.Features.Articles;

public sealed class Article
{
    public int Id { get; set; }
    public required string Headline { get; set; }
    public required string Slug { get; set; }
    public string? Dek { get; set; }

    /// <summary>The place line that opens the story ("BEIJING").</summary>
    public string? Dateline { get; set; }

    public string BodyMarkdown { get; set; } = "";

    // Rendered and sanitized once on save so that reads never run Markdig or the sanitizer.
    public string BodyHtml { get; set; } = "";

    public List<ArticleAuthor> Authors { get; set; } = [];
    public List<string> Credits { get; set; } = [];
    public LeadImage? Image { get; set; }
    public List<Topic> Topics { get; set; } = [];
    public int? SectionId { get; set; }
    public Section? Section { get; set; }

    public ArticleStatus Status { get; set; } = ArticleStatus.Draft;
    public DateTime? PublishedAt { get; set; }

    // The date in the article's URL, fixed in the site's time zone when it is published; with
    // the slug it is unique, as WordPress's /%year%/%monthnum%/%day%/%postname%/ is.
    public DateOnly? PathDate { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ArticleNote> Corrections { get; set; } = [];
    public bool CommentsOpen { get; set; } = true;

    /// <summary>Where an imported article lived before, so that its old links can keep working.</summary>
    public string? OriginalUrl { get; set; }

    /// <summary>
    /// What the article was in the system it came from ("https://site/?p=123" for WordPress), so
    /// that importing the same export again updates it instead of adding a copy.
    /// </summary>
    public string? OriginalId { get; set; }

    /// <summary>The principal that created it ("user:…" or "key:…"), for "own article" permissions.</summary>
    public string? CreatedBy { get; set; }

    // Optimistic concurrency: two editors saving the same version must not overwrite each other.
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Comments.Comment> Comments { get; set; } = [];
}
