using Dateline.Data;
using Dateline.Features.Comments;
using Dateline.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Articles.Pages;

/// <summary>
/// The article page, and the "Leave a Reply" form's target (POST /comments): an invalid comment
/// re-renders this page with every error beside its field and everything the reader typed.
/// </summary>
// The public comment form carries no antiforgery token, as WordPress's does not: there is no
// session to ride on, and a token per reader would make article pages uncacheable.
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PageCache.PolicyName)]
[ShowsCommenterParts]
public sealed class ArticlePageModel(
    DatelineDbContext db, SiteClock clock, SiteUrls urls, PageMeta meta, IOptionsMonitor<DatelineOptions> options,
    CommentPoster poster, CommenterCookies cookies, DiscussionSettingsStore discussion, Search.ArticleSearch search) : PageModel
{
    public ArticleView? Article { get; private set; }
    public IReadOnlyList<CommentView> Comments { get; private set; } = [];
    public IReadOnlyList<ArticleSummary> Related { get; private set; } = [];
    public ReplyForm Reply { get; private set; } = null!;
    public CommentRefusal? Refusal { get; private set; }
    public int ThreadDepth { get; private set; } = 5;
    public int CommentPage { get; private set; } = 1;
    public int CommentPageCount { get; private set; } = 1;
    public SiteClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(int year, int month, int day, string slug, int? replyto, int? cpage, CancellationToken ct)
    {
        if (year is < 1000 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return NotFound();
        }

        var date = new DateOnly(year, month, day);
        var lowered = slug.ToLowerInvariant();
        var article = await Query().Where(a => a.PathDate == date && a.Slug == lowered)
            .Select(ArticleProjections.View).AsSplitQuery().FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }

        // One address per article: /2023/3/1/Slug/ and friends answer 301 to the canonical form.
        if (!string.Equals(Request.Path.Value, Uri.UnescapeDataString(article.Path!), StringComparison.Ordinal))
        {
            return RedirectPermanent(article.Path! + Request.QueryString);
        }

        PageCache.TagArticles(HttpContext, [article.Id]);
        await ForgetDecidedAsync(ct);
        var remembered = cookies.ReadRemembered(Request);
        await ShowAsync(article, new ReplyForm(article.Id, article.Path!)
        {
            ParentId = replyto,
            Name = remembered?.Name,
            Email = remembered?.Email,
            Url = remembered?.Url,
            Remember = remembered is not null,
        }, cpage, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(
        int articleId, int? parentId, string? body, string? name, string? email, string? url, string? remember, string? subscribe, string? homepage, string? stamp,
        CancellationToken ct)
    {
        var input = new CommentInput(articleId, parentId, body, name, email, url)
        {
            Remember = !string.IsNullOrEmpty(remember),
            Subscribe = !string.IsNullOrEmpty(subscribe),
            Honeypot = homepage,
            FormRenderedAt = cookies.StampTime(stamp),
        };
        var state = cookies.ReadCommenter(Request) ?? CommenterCookies.NewCommenter();
        var context = CommentRequestContext.From(HttpContext, CommenterCookies.KeyHash(state.Key));
        var result = await poster.PostAsync(input, context, ct);
        var typed = result.Input ?? input;
        switch (result.Outcome)
        {
            case PostCommentOutcome.Approved:
            case PostCommentOutcome.Held:
                var held = result.Outcome == PostCommentOutcome.Held;
                cookies.SaveCommenter(HttpContext, state, held ? result.CommentId : null);
                cookies.SaveRemembered(HttpContext, typed.Remember ? new RememberedCommenter(typed.Name!, typed.Email!, typed.Url) : null);
                // 303, as the contract says: the browser follows with a GET, and a reload does not post again.
                var page = await PageOfAsync(articleId, result.CommentId, held ? [.. state.Held, result.CommentId] : state.Held, ct);
                var query = string.Join("&", new[] { held ? $"held={result.CommentId}" : null, page > 1 ? $"cpage={page}" : null }.OfType<string>());
                Response.Headers.Location = $"{result.ArticlePath}{(query.Length > 0 ? "?" + query : "")}#comment-{result.CommentId}";
                return StatusCode(StatusCodes.Status303SeeOther);
            case PostCommentOutcome.Invalid:
                var article = await Query().Where(a => a.Id == articleId).Select(ArticleProjections.View).AsSplitQuery().FirstAsync(ct);
                await ShowAsync(article, new ReplyForm(article.Id, article.Path!)
                {
                    ParentId = parentId,
                    Body = body,
                    Name = name,
                    Email = email,
                    Url = url,
                    Remember = input.Remember,
                    Subscribe = input.Subscribe,
                    Errors = result.Errors,
                }, null, ct);
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                return Refuse(result, body);
        }
    }

    public string Absolute(string path) => urls.Absolute(Request, path);

    /// <summary>
    /// Drops comments a moderator has since dealt with from the browser's held list: a browser with
    /// nothing held is served the shared cached page again.
    /// </summary>
    private async Task ForgetDecidedAsync(CancellationToken ct)
    {
        if (cookies.ReadCommenter(Request) is not { Held.Count: > 0 } state)
        {
            return;
        }

        var held = state.Held;
        var still = await db.Comments.AsNoTracking().Where(c => held.Contains(c.Id) && c.Status == CommentStatus.Held).Select(c => c.Id).ToListAsync(ct);
        if (still.Count != held.Count)
        {
            cookies.SaveCommenter(HttpContext, state with { Held = [.. held.Where(still.Contains)] }, null);
        }
    }

    private async Task<int> PageOfAsync(int articleId, int commentId, IReadOnlyList<int> own, CancellationToken ct) =>
        await CommentPages.PageOfAsync(db, articleId, commentId, own, await discussion.GetAsync(ct), ct);

    private IQueryable<Article> Query() => db.Articles.AsNoTracking().Published(clock.UtcNow);

    private async Task ShowAsync(ArticleView article, ReplyForm reply, int? commentPage, CancellationToken ct)
    {
        Article = article;
        var settings = await discussion.GetAsync(ct);
        var own = cookies.ReadCommenter(Request)?.Held ?? [];
        var threads = await CommentThreads.ForReaderAsync(db, article.Id, own, ct);
        (Comments, CommentPage, CommentPageCount) = CommentPages.Slice(threads, settings, commentPage);
        ThreadDepth = settings.ThreadDepth;
        Related = await search.RelatedAsync(article.Id, article.Headline, [.. article.Topics.Select(t => t.Slug)], 4, ct);

        // A related article that changes or goes evicts this page too; a new one that would now
        // be related appears when the cached page expires.
        PageCache.TagArticles(HttpContext, Related.Select(r => r.Id));
        Reply = reply with { CommentsOpen = settings.AcceptsComments(article.CommentsOpen, article.PublishedAt, clock.UtcNow), Stamp = cookies.NewStamp() };
        Describe(article);
    }

    /// <summary>The head's share tags and structured data; the article:* tags are the view's.</summary>
    private void Describe(ArticleView article)
    {
        var baseUrl = urls.BaseUrl(Request);
        meta.Title = article.Headline;
        meta.Description = article.Dek;
        meta.CanonicalPath = article.Path;
        meta.OgType = "article";
        if (article.Image is { Url: { } imageUrl } image)
        {
            meta.Image = new PageImage(imageUrl, image.Width, image.Height, image.Alt);
        }

        // A section has no page of its own, so the trail goes through the first topic, which has.
        if (article.Topics.Count > 0)
        {
            var topic = article.Topics[0];
            meta.Breadcrumbs.Add(new Crumb(topic.Name, $"/topics/{Uri.EscapeDataString(topic.Slug)}/"));
        }

        meta.Breadcrumbs.Add(new Crumb(article.Headline, article.Path!));
        var publisher = StructuredData.Publisher(baseUrl, options.CurrentValue);
        meta.StructuredData.Add(ArticleJsonLd.For(article, baseUrl + article.Path, baseUrl, publisher, clock));
    }

    // Refused comments get a page that says why and shows the text, so the reader can copy it.
    private PageResult Refuse(PostCommentResult result, string? body)
    {
        (var status, var title) = result.Outcome switch
        {
            PostCommentOutcome.Closed => (StatusCodes.Status403Forbidden, "Comments are closed"),
            PostCommentOutcome.NotFound => (StatusCodes.Status404NotFound, "Article not found"),
            PostCommentOutcome.Duplicate => (StatusCodes.Status409Conflict, "Duplicate comment"),
            _ => (StatusCodes.Status429TooManyRequests, "Please slow down"),
        };
        if (result.Outcome == PostCommentOutcome.Flood)
        {
            Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Response.StatusCode = status;
        Refusal = new CommentRefusal(title, result.Message ?? title, body, string.IsNullOrEmpty(result.ArticlePath) ? null : result.ArticlePath);
        meta.Title = title;
        meta.NoIndex = true;
        return Page();
    }
}
