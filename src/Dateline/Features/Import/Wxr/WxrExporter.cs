using System.Globalization;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.Comments;
using Dateline.Features.StaticPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Import.Wxr;

/// <summary>
/// Writes the whole site as WXR 1.2: authors, sections as categories, topics as tags, and every
/// article as a post with its lead image as a featured attachment and its comments with their
/// status and threads. WordPress's importer reads it as it reads its own exports; Dateline's
/// reads back the extra post meta too (see <see cref="WxrDatelineMeta"/>). Articles are read in
/// batches and written as they come, so memory does not grow with the site.
/// </summary>
public sealed class WxrExporter(DatelineDbContext db, SiteClock clock, IOptionsMonitor<DatelineOptions> options)
{
    /// <summary>Where links point when no site URL is set.</summary>
    public const string FallbackSiteUrl = "http://localhost:5080";

    private const int BatchSize = 100;

    private int lastCommentNumber;

    public sealed class Report
    {
        public Dictionary<string, int> Articles { get; } = new(StringComparer.Ordinal);
        public int Comments { get; set; }
        public int Authors { get; set; }
        public int Sections { get; set; }
        public int Topics { get; set; }
        public int Images { get; set; }
        public int Pages { get; set; }
        public bool SiteUrlMissing { get; set; }
    }

    public async Task<Report> ExportAsync(Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        var report = new Report();
        var settings = options.CurrentValue;
        report.SiteUrlMissing = string.IsNullOrWhiteSpace(settings.SiteUrl);
        var site = report.SiteUrlMissing ? FallbackSiteUrl : settings.SiteUrl!.TrimEnd('/');

        using var writer = new WxrWriter(output);
        writer.Start(new WxrSite(0, WxrWriter.Version, settings.SiteTitle, site, site, settings.Language), site, settings.Tagline, clock.UtcNow);

        var authors = await db.Authors.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var author in authors)
        {
            writer.Write(new WxrAuthor(0, author.Id, author.Slug, null, author.Name, null, null));
        }

        await foreach (var section in db.Sections.AsNoTracking().OrderBy(s => s.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            writer.Write(new WxrTerm(0, section.Id, "category", Escape(section.Slug), section.Name, null, null));
            report.Sections++;
        }

        await foreach (var topic in db.Topics.AsNoTracking().OrderBy(t => t.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            writer.Write(new WxrTerm(0, topic.Id, "post_tag", Escape(topic.Slug), topic.Name, null, topic.Description));
            report.Topics++;
        }

        report.Authors = authors.Count;

        // WordPress numbers posts and attachments from one sequence; the featured images go above the articles' ids.
        var attachmentBase = await db.Articles.MaxAsync(a => (int?)a.Id, ct) ?? 0;
        var after = 0;
        while (true)
        {
            var batch = await db.Articles.AsNoTracking().AsSplitQuery()
                .Include(a => a.Authors.OrderBy(x => x.Position)).ThenInclude(x => x.Author)
                .Include(a => a.Topics).Include(a => a.Section).Include(a => a.Corrections)
                .Where(a => a.Id > after).OrderBy(a => a.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(a => a.Id).ToList();
            var comments = (await db.Comments.AsNoTracking().Where(c => ids.Contains(c.ArticleId)).OrderBy(c => c.Id).ToListAsync(ct)).ToLookup(c => c.ArticleId);
            var oldAddresses = (await db.OldAddresses.AsNoTracking().Where(o => ids.Contains(o.ArticleId)).OrderBy(o => o.Id).ToListAsync(ct)).ToLookup(o => o.ArticleId);
            foreach (var article in batch)
            {
                var attachmentId = attachmentBase + article.Id;
                if (article.Image is { Url: { Length: > 0 } url } image)
                {
                    writer.Write(Attachment(article, image, url, attachmentId, site));
                    report.Images++;
                }

                writer.Write(Post(article, comments[article.Id].ToList(), oldAddresses[article.Id].Select(o => o.Path), attachmentId, site));
                var status = article.Status.ToString().ToLowerInvariant();
                report.Articles[status] = report.Articles.GetValueOrDefault(status) + 1;
                report.Comments += comments[article.Id].Count();
            }

            after = batch[^1].Id;
        }

        // Pages take the ids above the attachments'; a child names its parent by that id.
        var pages = await db.StaticPages.AsNoTracking().OrderBy(p => p.Path).ToListAsync(ct);
        var pageIds = pages.ToDictionary(p => p.Path, p => 2 * attachmentBase + p.Id, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            writer.Write(Page(page, pageIds, site));
            report.Pages++;
        }

        writer.Finish();
        return report;
    }

    private WxrItem Post(Article article, List<Comment> comments, IEnumerable<string> oldAddresses, int attachmentId, string site)
    {
        var id = article.Id.ToString(CultureInfo.InvariantCulture);
        var published = article.Status != ArticleStatus.Draft ? article.PublishedAt : null;
        var terms = new List<WxrItemTerm>();
        if (article.Section is { } section)
        {
            terms.Add(new WxrItemTerm("category", Escape(section.Slug), section.Name));
        }

        terms.AddRange(article.Topics.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new WxrItemTerm("post_tag", Escape(t.Slug), t.Name)));

        var meta = new List<WxrMeta>
        {
            new(WxrDatelineMeta.Markdown, article.BodyMarkdown),
            new(WxrDatelineMeta.Authors, WxrDatelineMeta.Write(article.Authors.Select(a => new NameInput(a.Author.Name, a.Author.Slug)))),
        };
        if (article.Image is { Url: { Length: > 0 } })
        {
            meta.Add(new WxrMeta("_thumbnail_id", attachmentId.ToString(CultureInfo.InvariantCulture)));
        }

        if (article.Image is { } image)
        {
            meta.Add(new(WxrDatelineMeta.Image, WxrDatelineMeta.Write(new ImageInput(image.Url, image.Alt, image.Caption, image.Credit, image.Width, image.Height))));
        }

        if (article.Dateline is { } dateline)
        {
            meta.Add(new(WxrDatelineMeta.Dateline, dateline));
        }

        if (article.Credits.Count > 0)
        {
            meta.Add(new(WxrDatelineMeta.Credits, WxrDatelineMeta.Write(article.Credits)));
        }

        if (article.Corrections.Count > 0)
        {
            meta.Add(new(WxrDatelineMeta.Notes, WxrDatelineMeta.Write(article.Corrections.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new WxrDatelineMeta.Note(n.Kind, n.At, n.Text)))));
        }

        if (article.OriginalId is { } originalId)
        {
            meta.Add(new(WxrDatelineMeta.OriginalId, originalId));
        }

        if (article.OriginalUrl is { } originalUrl)
        {
            meta.Add(new(WxrDatelineMeta.OriginalUrl, originalUrl));
        }

        meta.AddRange(oldAddresses.Select(path => new WxrMeta(WxrDatelineMeta.OldAddress, path)));

        return new WxrItem(0, id, article.Headline,
            article.PathDate is { } date ? site + ArticlePaths.Of(date, article.Slug) : $"{site}/?p={id}",
            $"{site}/?p={id}",
            article.Authors.OrderBy(a => a.Position).Select(a => a.Author.Slug).FirstOrDefault(),
            article.BodyHtml, article.Dek ?? "",
            published, Local(published ?? article.CreatedAt),
            article.CommentsOpen ? "open" : "closed",
            Escape(article.Slug),
            article.Status switch { ArticleStatus.Published => "publish", ArticleStatus.Scheduled => "future", _ => "draft" },
            null, "post", null, terms, meta,
            Comments(comments));
    }

    // WordPress's importer inserts a post's comments in the order of their ids and joins a reply
    // to its parent only if the parent is already in, so comments are numbered afresh, each
    // thread from the top down and oldest first at every level: a parent's id is always lower.
    private List<WxrComment> Comments(List<Comment> comments)
    {
        var ordered = ParentsFirst(comments);
        var numbers = new Dictionary<int, int>(ordered.Count);
        foreach (var comment in ordered)
        {
            numbers[comment.Id] = ++lastCommentNumber;
        }

        return [.. ordered.Select(c => Comment(c, numbers))];
    }

    private static List<Comment> ParentsFirst(List<Comment> comments)
    {
        var ids = comments.Select(c => c.Id).ToHashSet();
        var replies = comments.Where(c => c.ParentId is { } p && ids.Contains(p)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToLookup(c => c.ParentId!.Value);
        var ordered = new List<Comment>(comments.Count);
        var seen = new HashSet<int>();
        void Visit(Comment comment)
        {
            if (!seen.Add(comment.Id))
            {
                return;
            }

            ordered.Add(comment);
            foreach (var reply in replies[comment.Id])
            {
                Visit(reply);
            }
        }

        foreach (var root in comments.Where(c => c.ParentId is not { } p || !ids.Contains(p)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
        {
            Visit(root);
        }

        // A loop of replies (which the database should never hold) still gets written.
        ordered.AddRange(comments.Where(c => !seen.Contains(c.Id)));
        return ordered;
    }

    private WxrItem Page(StaticPage page, Dictionary<string, int> ids, string site)
    {
        var slash = page.Path.LastIndexOf('/');
        var parent = slash < 0 ? null : ids.GetValueOrDefault(page.Path[..slash]) is var p and > 0 ? p.ToString(CultureInfo.InvariantCulture) : null;
        var id = ids[page.Path].ToString(CultureInfo.InvariantCulture);
        var published = page.PublishedAt;
        var meta = new List<WxrMeta> { new(WxrDatelineMeta.Markdown, page.BodyMarkdown) };
        if (page.OriginalId is { } originalId)
        {
            meta.Add(new(WxrDatelineMeta.OriginalId, originalId));
        }

        return new WxrItem(0, id, page.Title, site + StaticPagePaths.Of(page.Path), $"{site}/?page_id={id}", null,
            page.BodyHtml, "", published, Local(published ?? page.UpdatedAt), "closed", Escape(page.Path[(slash + 1)..]),
            published is null ? "draft" : published > clock.UtcNow ? "future" : "publish",
            parent, "page", null, [], meta, []);
    }

    private WxrItem Attachment(Article article, LeadImage image, string url, int attachmentId, string site)
    {
        var absolute = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? site + url : url;
        var caption = image.Credit is { } credit ? $"{image.Caption} Photo: {credit}".Trim() : image.Caption ?? "";
        var name = Path.GetFileNameWithoutExtension(new Uri(new Uri(site + "/"), absolute).AbsolutePath);
        return new WxrItem(0, attachmentId.ToString(CultureInfo.InvariantCulture), image.Alt ?? article.Headline, absolute, absolute, null,
            "", caption, article.PublishedAt, Local(article.PublishedAt ?? article.CreatedAt), "closed", Escape(name), "inherit",
            article.Id.ToString(CultureInfo.InvariantCulture), "attachment", absolute, [],
            image.Alt is { } alt ? [new WxrMeta("_wp_attachment_image_alt", alt)] : [], []);
    }

    private WxrComment Comment(Comment c, Dictionary<int, int> numbers) => new(
        numbers[c.Id].ToString(CultureInfo.InvariantCulture), c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.AuthorIp,
        c.CreatedAt, Local(c.CreatedAt), c.Body,
        c.Status switch { CommentStatus.Approved => "1", CommentStatus.Held => "0", CommentStatus.Spam => "spam", _ => "trash" },
        c.Kind switch { CommentKind.Pingback => "pingback", CommentKind.Trackback => "trackback", _ => "comment" },
        c.ParentId is { } parent && numbers.TryGetValue(parent, out var number) ? number.ToString(CultureInfo.InvariantCulture) : null, []);

    private DateTime Local(DateTime utc) => clock.ToLocal(utc).DateTime;

    // WordPress keeps a slug with letters beyond ASCII percent-encoded, in lower case.
    private static string Escape(string slug) =>
        slug.All(char.IsAscii) ? slug : Uri.EscapeDataString(slug).ToLowerInvariant();
}
