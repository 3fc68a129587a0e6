using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Articles;
using Dateline.Features.Authors;
using Dateline.Features.Comments;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;
using static Dateline.Features.Import.ImportValues;

namespace Dateline.Features.Import.Wxr;

/// <summary>
/// Imports a WordPress export: authors, posts with their categories, tags, featured images and
/// comments, and the posts' old addresses. The file is read twice as a stream, first for what
/// posts refer to (authors, attachments), then to import the posts in batches, each in one unit of
/// work and one transaction, so that memory stays flat and a commit is paid per batch rather than
/// per row; a batch that fails is imported again post by post, so that one bad post costs only
/// itself. Running it again finds each post and comment by its WordPress id, adds nothing and
/// updates what changed.
/// </summary>
public sealed partial class WxrImporter(IServiceScopeFactory scopes, SiteClock clock, ArticleMarkdown markdown, CommentRenderer renderer)
{
    public static readonly Actor Importer = new("cli:import-wxr", Roles.Admin);

    private sealed record Attachment(string Url, string? Alt, string? Caption, string? Title);

    /// <summary>Progress: items read so far and the line reached.</summary>
    public sealed record Progress(int Items, int Line);

    public async Task<WxrImportReport> ImportAsync(Func<Stream> open, string? mediaDirectory, IProgress<Progress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(open);
        var report = new WxrImportReport();

        // First pass: who wrote what, and the attachments featured images point to. A malformed
        // file stops here, before anything is written.
        WxrSite? site = null;
        var authors = new Dictionary<string, WxrAuthor>(StringComparer.OrdinalIgnoreCase);
        var attachments = new Dictionary<string, Attachment>(StringComparer.Ordinal);
        var pages = new Dictionary<string, WxrPages.Node>(StringComparer.Ordinal);
        using (var stream = open())
        using (var reader = new WxrReader(stream, wantItem: type => type is "page" or "attachment"))
        {
            foreach (var record in reader.Records())
            {
                switch (record)
                {
                    case WxrSite s: site = s; break;
                    case WxrAuthor a when a.Login.Length > 0: authors[a.Login] = a; break;
                    case WxrItem { PostType: "page", PostId: { } pageId } page:
                        pages[pageId] = new WxrPages.Node(page.Slug, page.ParentId);
                        break;
                    case WxrItem { PostType: "attachment", PostId: { } id, AttachmentUrl: { } url } item:
                        attachments[id] = new Attachment(url, Blank(item.MetaValue("_wp_attachment_image_alt")), Blank(WordPressContent.PlainText(item.Excerpt)), Blank(WordPressContent.PlainText(item.Title)));
                        break;
                }
            }
        }

        var origin = (site?.BaseBlogUrl ?? site?.BaseSiteUrl)?.TrimEnd('/') ?? "wordpress";
        await AddAuthorsAsync(authors.Values, report, ct);
        WxrMedia? media = null;
        if (mediaDirectory is not null)
        {
            media = new WxrMedia(scopes, mediaDirectory);
            await media.ImportAsync(attachments.Select(a =>
            {
                var (caption, credit) = SplitCredit(a.Value.Caption);
                return new WxrMedia.Source(a.Key, a.Value.Url, a.Value.Alt, caption, credit);
            }), report, ct);
        }

        var run = new Run(origin, authors, attachments, await OldPathsAsync(ct), media);

        // Second pass: another thread reads the posts and renders their bodies and comments while
        // this one writes the batches read before them, so that parsing and rendering (about a third
        // of the work) overlap with the database instead of waiting for it.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = Channel.CreateBounded<Work>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadPostsAsync(open, run, work.Writer, progress, stop.Token), stop.Token);
        try
        {
            await WithSearchUpkeepPausedAsync(async () =>
            {
                await foreach (var unit in work.Reader.ReadAllAsync(ct))
                {
                    switch (unit)
                    {
                        case Work.Posts posts:
                            await ImportBatchAsync(posts.Batch, run, report, ct);
                            break;
                        case Work.Page page:
                            await ImportPageAsync(page.Item, origin, pages, media, report, ct);
                            break;
                        case Work.Other other:
                            WxrImportReport.Count(report.NotImported, other.PostType);
                            break;
                    }
                }
            }, ct);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (Exception) when (reading.IsCanceled || reading.IsFaulted)
            {
                // The reader's own failure reached the loop above through the channel; a cancelled
                // reader is one this side stopped because it failed.
            }
        }

        return report;
    }

    private async Task AddAuthorsAsync(IEnumerable<WxrAuthor> authors, WxrImportReport report, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        foreach (var author in authors)
        {
            var slug = AuthorSlug(author.Login);
            if (!await db.Authors.AnyAsync(a => a.Slug == slug, ct))
            {
                db.Authors.Add(new Author { Name = AuthorName(author), Slug = slug });
                report.AuthorsAdded++;
            }
        }

        await db.SaveChangesAsync(ct);

        // Each author with an e-mail address gets a newsroom account, as WordPress had one for
        // them; it has no password until its owner sets one, and it starts as a contributor
        // (WXR does not say what the person could do in WordPress), for an admin to raise.
        var accounts = scope.ServiceProvider.GetRequiredService<NewsroomUsers>();
        foreach (var author in authors)
        {
            if (author.Email is not { } email || !email.Contains('@', StringComparison.Ordinal))
            {
                report.AuthorsWithoutAccount++;
                continue;
            }

            var normalized = email.Trim().ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct))
            {
                continue;
            }

            var (errors, _) = await accounts.AddForAuthorAsync(email.Trim(), AuthorName(author), Roles.Contributor, AuthorSlug(author.Login), ct);
            if (errors.IsEmpty)
            {
                report.AccountsAdded++;
            }
            else
            {
                report.Problems.Add($"author {author.Login} at line {author.Line}: no newsroom account, {string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
            }
        }
    }

    private async Task ImportPageAsync(WxrItem item, string origin, Dictionary<string, WxrPages.Node> pages, WxrMedia? media, WxrImportReport report, CancellationToken ct)
    {
        var (status, publishedAt) = Publication(item);
        if (status is null)
        {
            report.Problems.Add($"page {item.PostId ?? "(no id)"} at line {item.Line}: skipped, its status \"{item.Status}\" is not one Dateline keeps");
            return;
        }

        using var scope = scopes.CreateScope();
        try
        {
            await ActivatorUtilities.CreateInstance<WxrPages>(scope.ServiceProvider).ImportAsync(item, origin, pages, publishedAt, media is null ? null : media.Rewrite, report, ct);
        }
        catch (DbUpdateException e)
        {
            report.Problems.Add($"page {item.PostId} at line {item.Line}: skipped, it could not be saved ({e.GetBaseException().Message})");
        }
    }

    /// <summary>What the reading thread hands over, in the order of the file.</summary>
    private abstract record Work
    {
        public sealed record Posts(List<Post> Batch) : Work;

        public sealed record Page(WxrItem Item) : Work;

        public sealed record Other(string PostType) : Work;
    }

    private async Task ReadPostsAsync(Func<Stream> open, Run run, ChannelWriter<Work> work, IProgress<Progress>? progress, CancellationToken ct)
    {
        try
        {
            using var stream = open();
            using var reader = new WxrReader(stream);
            var items = 0;
            var batch = new List<Post>();
            foreach (var record in reader.Records())
            {
                if (record is not WxrItem item)
                {
                    continue;
                }

                items++;
                if (items % 100 == 0)
                {
                    progress?.Report(new Progress(items, reader.Line));
                }

                switch (item.PostType)
                {
                    case "post":
                        var post = Read(item, run);
                        // The same post twice in a batch would be added twice; the second must find the first.
                        if (post.OriginalId is { } id && batch.Any(p => p.OriginalId == id))
                        {
                            await work.WriteAsync(new Work.Posts(batch), ct);
                            batch = [];
                        }

                        batch.Add(post);
                        if (batch.Count == BatchSize)
                        {
                            await work.WriteAsync(new Work.Posts(batch), ct);
                            batch = [];
                        }

                        break;
                    case "page":
                        await work.WriteAsync(new Work.Page(item), ct);
                        break;
                    case "attachment":
                        break;
                    default:
                        await work.WriteAsync(new Work.Other(item.PostType), ct);
                        break;
                }
            }

            if (batch.Count > 0)
            {
                await work.WriteAsync(new Work.Posts(batch), ct);
            }

            progress?.Report(new Progress(items, reader.Line));
            work.Complete();
        }
        catch (Exception e)
        {
            work.Complete(e);
            throw;
        }
    }

    private async Task<HashSet<string>> OldPathsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        return (await db.OldAddresses.AsNoTracking().Select(o => o.Path).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
    }

    // A post as the file gives it, turned into an article's input; or the reason it cannot be one.
    private Post Read(WxrItem item, Run run)
    {
        var post = new Post(item, $"post {item.PostId ?? "(no id)"} at line {item.Line}");
        if (item.PostId is null)
        {
            post.Problems.Add($"{post.Label}: skipped, it has no wp:post_id to know it by");
            return post;
        }

        var (status, publishedAt) = Publication(item);
        if (status is null)
        {
            post.Problems.Add($"{post.Label}: skipped, its status \"{item.Status}\" is not one Dateline keeps");
            return post;
        }

        try
        {
            var headline = Cut(WordPressContent.PlainText(item.Title), ArticleLimits.Headline);
            var creator = item.Creator?.Trim() ?? "";
            var byline = creator.Length == 0 ? new NameInput("Staff", "staff")
                : run.Authors.TryGetValue(creator, out var known) ? new NameInput(AuthorName(known), AuthorSlug(known.Login))
                : new NameInput(creator, AuthorSlug(creator));
            var categories = item.Terms.Where(t => t.Taxonomy == "category").ToList();
            var section = categories.FirstOrDefault(c => c.Slug != "uncategorized");
            var topics = item.Terms
                .Where(t => t.Taxonomy == "post_tag" || (t.Taxonomy == "category" && t != section && t.Slug != "uncategorized"))
                .Select(t => new NameInput(Cut(WordPressContent.PlainText(t.Name), ArticleLimits.Name), Slug(t.Slug))).Where(n => n.Name.Length > 0)
                .DistinctBy(n => n.Slug ?? n.Name.ToLowerInvariant()).Take(ArticleLimits.Topics).ToList();
            var lead = LeadImage(item, run.Attachments, headline);
            if (lead?.Url is { } leadUrl && run.Media?.MediaIdFor(leadUrl) is { } mediaId)
            {
                lead = lead with { MediaId = mediaId };
            }

            var input = new ArticleInput
            {
                Headline = headline.Length > 0 ? headline : $"Untitled (WordPress post {item.PostId})",
                Slug = Slug(item.Slug),
                Dek = Blank(Cut(WordPressContent.PlainText(item.Excerpt), ArticleLimits.Dek)),
                // A file Dateline wrote carries the Markdown itself (below), so WordPress's HTML need not be converted.
                BodyMarkdown = item.MetaValue(WxrDatelineMeta.Markdown) is not null ? ""
                    : run.Media is { } media ? media.Rewrite(WordPressContent.ToHtml(item.Content)) : WordPressContent.ToHtml(item.Content),
                Authors = new List<NameInput> { byline },
                Topics = topics,
                Section = section is null ? null : Cut(WordPressContent.PlainText(section.Name), ArticleLimits.Name),
                Status = status.Value,
                PublishedAt = publishedAt,
                CommentsOpen = item.CommentStatus != "closed",
                OriginalUrl = item.Link is { Length: <= ArticleLimits.Url } link ? link : null,
                OriginalId = $"{run.Origin}/?p={item.PostId}",
                Image = lead,
            };
            // A file Dateline wrote carries what WordPress has no field for; it wins over the guesses above.
            WxrDatelineMeta.Apply(item, input);
            // Rendering here, on the reading thread, takes it off the thread that writes.
            if (input.BodyMarkdown is { IsSet: true, Value: { Length: > 0 } body })
            {
                input.RenderedBody = (body, markdown.ToHtml(body));
            }

            post.CommentHtml = [.. item.Comments.Select(c => renderer.ToHtml(Cut(c.Content, CommentLimits.Body)))];
            post.Input = input;
            post.Status = status.Value;
            post.OriginalId = input.OriginalId.Value;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            post.Problems.Add(CouldNotBeSaved(post.Label, e));
        }

        return post;
    }

    private static string CouldNotBeSaved(string label, Exception e) => $"{label}: skipped, it could not be saved ({e.GetBaseException().Message})";

    private (ArticleStatus? Status, DateTime? PublishedAt) Publication(WxrItem item)
    {
        var at = When(item.DateGmt, item.DateLocal);
        var now = clock.UtcNow;
        return item.Status switch
        {
            "publish" when at is { } when => (when > now ? ArticleStatus.Scheduled : ArticleStatus.Published, when),
            "future" when at is { } when => (when > now ? ArticleStatus.Scheduled : ArticleStatus.Published, when),
            "publish" or "future" => (ArticleStatus.Published, now),
            // Private posts were for signed-in readers only; Dateline has no such readers, so they stay unpublished.
            "draft" or "pending" or "private" or "auto-draft" => (ArticleStatus.Draft, null),
            _ => (null, null),
        };
    }

    private static ImageInput? LeadImage(WxrItem item, Dictionary<string, Attachment> attachments, string headline)
    {
        if (item.MetaValue("_thumbnail_id")?.Trim() is not { } id || !attachments.TryGetValue(id, out var attachment) || attachment.Url.Length > ArticleLimits.Url)
        {
            return null;
        }

        var (caption, credit) = SplitCredit(attachment.Caption);
        // Alt text is required to publish; the caption or the attachment's title say what the photo shows.
        var alt = attachment.Alt ?? caption ?? attachment.Title ?? headline;
        return new ImageInput(attachment.Url, Cut(alt, ArticleLimits.ImageText), Blank(Cut(caption, ArticleLimits.ImageText)), Blank(Cut(credit, ArticleLimits.Credit)), null, null);
    }

    // "The ferry at dawn. Photo: Ana Ruiz" is a caption and a credit.
    private static (string? Caption, string? Credit) SplitCredit(string? caption)
    {
        if (caption is null)
        {
            return (null, null);
        }

        var m = CreditAtEnd().Match(caption);
        return m.Success ? (Blank(m.Groups["caption"].Value.Trim()), m.Groups["credit"].Value.Trim().TrimEnd('.', ')')) : (caption, null);
    }

    // WordPress writes both; without the GMT date (a draft's), the local one is in the site's time
    // zone, where a time skipped by the clocks going forward is read as the hour after.
    private DateTime? When(DateTime? gmt, DateTime? local) =>
        gmt is { } utc ? DateTime.SpecifyKind(utc, DateTimeKind.Utc)
        : local is { } l ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(clock.Zone.IsInvalidTime(l) ? l.AddHours(1) : l, DateTimeKind.Unspecified), clock.Zone)
        : null;

    private static CommentStatus? CommentStatusOf(string approved) => approved.Trim().ToLowerInvariant() switch
    {
        "1" or "approve" or "approved" => CommentStatus.Approved,
        "0" or "hold" => CommentStatus.Held,
        "spam" => CommentStatus.Spam,
        "trash" or "post-trashed" => CommentStatus.Trash,
        _ => null,
    };

    private static string AuthorName(WxrAuthor author)
    {
        var name = author.DisplayName ?? string.Join(' ', new[] { author.FirstName, author.LastName }.Where(n => n is not null));
        name = WordPressContent.PlainText(name);
        return Cut(name.Length > 0 ? name : author.Login, ArticleLimits.Name);
    }

    private static string AuthorSlug(string login)
    {
        var slug = SlugGenerator.Generate(login);
        return slug.Length > 0 ? slug : "author-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(login)))[..8].ToLowerInvariant();
    }

    // WordPress keeps non-Latin slugs percent-encoded; Dateline's own slug rules decide what stays.
    internal static string? Slug(string? postName)
    {
        if (postName is null)
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(postName);
        }
        catch (UriFormatException)
        {
            decoded = postName;
        }

        if (SlugGenerator.IsValid(decoded))
        {
            return decoded;
        }

        var generated = SlugGenerator.Generate(decoded);
        return generated.Length > 0 ? generated : null;
    }

    [GeneratedRegex(@"^(?<caption>.*?)[\s(]*\b(?:Photo(?:graph)?|Picture|Image|Credit)(?:\s+by)?\s*:\s*(?<credit>[^:]{2,120})$", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CreditAtEnd();
}
