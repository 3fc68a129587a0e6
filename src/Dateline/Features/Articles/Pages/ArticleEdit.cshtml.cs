using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Media;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Articles.Pages;

/// <summary>
/// The newsroom's article editor: one form for writing, previewing, saving a draft, publishing,
/// scheduling and unpublishing, through the same <see cref="ArticleEditor"/> as the API. A second
/// editor who saves over someone else's newer save is told, and keeps what they typed.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.WriteArticlesPolicy)]
public sealed class ArticleEditModel(DatelineDbContext db, ArticleEditor editor, ArticleMarkdown markdown, SiteClock clock, PageMeta meta) : PageModel
{
    [BindProperty]
    public ArticleForm Form { get; set; } = new();

    public int? Id { get; private set; }
    public ArticleStatus Status { get; private set; } = ArticleStatus.Draft;
    public DateTime? PublishedAt { get; private set; }
    public string? PublicPath { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }
    public string? Notice { get; private set; }
    public string? PreviewHtml { get; private set; }
    public ArticleConflict? Conflict { get; private set; }
    public IReadOnlyList<ArticleNote> Notes { get; private set; } = [];
    public bool CanPublish { get; private set; }
    public bool CanEdit { get; private set; } = true;
    public SiteClock Clock => clock;
    public IReadOnlyList<MediaChoice> Media { get; private set; } = [];

    /// <summary>The narrowest copy of the chosen library photo, so that the editor sees which photo leads the article.</summary>
    public MediaVariant? LeadThumbnail { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? saved, CancellationToken ct)
    {
        if (id == "new")
        {
            await ShowAsync(null);
            return Page();
        }

        if (await LoadAsync(id, ct) is not { } article)
        {
            return NotFound();
        }

        Form = ArticleForm.From(article, clock);
        Notice = saved switch
        {
            "draft" => "Draft saved.",
            "published" => "Published.",
            "scheduled" => "Scheduled.",
            "unpublished" => "Unpublished: it is a draft again.",
            "updated" => "Updated.",
            "note" => "Added to the article.",
            "restored" => "Restored: the earlier revision is the article again (and this is a new revision, so it can be undone).",
            "pasted" => "Pasted as a draft: check the headline, byline, credits and body before publishing.",
            _ => null,
        };
        await ShowAsync(article);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? action, CancellationToken ct)
    {
        Article? article = null;
        if (id != "new" && (article = await LoadAsync(id, ct)) is null)
        {
            return NotFound();
        }

        if (action == "preview")
        {
            PreviewHtml = markdown.ToHtml(Form.Body ?? "");
            await ShowAsync(article, keepVersion: true);
            return Page();
        }

        var input = Form.ToInput();
        string outcome;
        switch (action)
        {
            case "publish":
                input.Status = ArticleStatus.Published;
                // Publishing a draft means now; an article already out keeps its time.
                input.PublishedAt = article?.Status == ArticleStatus.Published ? article.PublishedAt : null;
                outcome = "published";
                break;
            case "schedule":
                input.Status = ArticleStatus.Scheduled;
                input.PublishedAt = Form.PublishAtUtc(clock);
                if (input.PublishedAt.Value is null)
                {
                    Errors.Add("publishedAt", "Choose the date and time it should go live.");
                }

                outcome = "scheduled";
                break;
            case "unpublish":
                input.Status = ArticleStatus.Draft;
                input.PublishedAt = null;
                outcome = "unpublished";
                break;
            case "update":
                outcome = "updated";
                break;
            default:
                input.Status = ArticleStatus.Draft;
                outcome = "draft";
                break;
        }

        if (!Errors.IsEmpty)
        {
            return await RefuseAsync(article, StatusCodes.Status422UnprocessableEntity, "The article was not saved: see the marked fields.");
        }

        var actor = Actor.From(User);
        var version = Guid.TryParse(Form.Version, out var v) ? v : (Guid?)null;
        var result = article is null
            ? await editor.CreateAsync(input, actor, ct)
            : await editor.UpdateAsync(article.Id, input, actor, version, ct);
        switch (result.Outcome)
        {
            case ArticleEditOutcome.Saved:
                return Redirect($"/newsroom/articles/{result.Id}?saved={outcome}");
            case ArticleEditOutcome.NotFound:
                return NotFound();
            case ArticleEditOutcome.Forbidden:
                return await RefuseAsync(article, StatusCodes.Status403Forbidden, result.Message ?? "Your role may not do that.");
            case ArticleEditOutcome.VersionMismatch:
                var current = await LoadAsync(article!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
                Conflict = current is null ? null : new ArticleConflict(current.Headline, current.BodyMarkdown, current.UpdatedAt);
                // Saving again is now a deliberate choice to replace the other save with this one.
                Form.Version = current?.Version.ToString();
                return await RefuseAsync(current ?? article, StatusCodes.Status409Conflict,
                    "Someone else saved this article while you were editing. Your text is still in the form; their version is shown below. Save again to replace theirs with yours.",
                    keepVersion: true);
            default:
                Errors = result.Errors ?? new FieldErrors();
                return await RefuseAsync(article, result.Outcome == ArticleEditOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                    result.Message ?? "The article was not saved: see the marked fields.");
        }
    }

    public async Task<IActionResult> OnPostNoteAsync(string id, string? kind, string? text, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } article)
        {
            return NotFound();
        }

        var result = await editor.AddNoteAsync(article.Id, kind == "update" ? ArticleNoteKind.Update : ArticleNoteKind.Correction, text, Actor.From(User), ct);
        if (result.Outcome == ArticleEditOutcome.Saved)
        {
            return Redirect($"/newsroom/articles/{article.Id}?saved=note");
        }

        Form = ArticleForm.From(article, clock);
        Errors = result.Errors ?? new FieldErrors();
        NoteText = text;
        NoteKind = kind;
        return await RefuseAsync(article, result.Outcome == ArticleEditOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity,
            result.Message ?? "The note was not added.");
    }

    public string? NoteText { get; private set; }
    public string? NoteKind { get; private set; }

    private async Task<Article?> LoadAsync(string id, CancellationToken ct)
    {
        if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return await db.Articles.AsNoTracking()
            .Include(a => a.Authors).ThenInclude(x => x.Author)
            .Include(a => a.Topics)
            .Include(a => a.Section)
            .Include(a => a.Corrections)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == number, ct);
    }

    private async Task<PageResult> RefuseAsync(Article? article, int status, string message, bool keepVersion = true)
    {
        Message = message;
        Response.StatusCode = status;
        await ShowAsync(article, keepVersion);
        return Page();
    }

    private async Task ShowAsync(Article? article, bool keepVersion = false)
    {
        // The most recent photos, and the one in use, for the lead-image choice.
        var chosen = int.TryParse(Form.MediaId, out var mediaId) ? mediaId : 0;
        Media = await db.MediaItems.AsNoTracking().OrderByDescending(m => m.Id == chosen).ThenByDescending(m => m.CreatedAt).Take(50)
            .Select(m => new MediaChoice(m.Id, m.FileName, m.Alt, m.Caption)).ToListAsync(HttpContext.RequestAborted);
        LeadThumbnail = chosen == 0 ? null
            : (await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == chosen, HttpContext.RequestAborted))?.Variants.MinBy(v => v.Width);
        var actor = Actor.From(User);
        CanPublish = actor.Can(Capabilities.PublishArticles);
        Id = article?.Id;
        Status = article?.Status ?? ArticleStatus.Draft;
        PublishedAt = article?.PublishedAt;
        PublicPath = article?.PathDate is { } date && article.Status != ArticleStatus.Draft ? ArticlePaths.Of(date, article.Slug) : null;
        Notes = article?.Corrections.OrderBy(n => n.At).ToList() ?? [];
        CanEdit = article is null || ((article.CreatedBy == actor.Id || actor.Can(Capabilities.EditOthersArticles))
            && (article.Status == ArticleStatus.Draft || CanPublish));
        if (!keepVersion && article is not null)
        {
            Form.Version = article.Version.ToString();
        }

        meta.Title = article is null ? "New article" : $"Edit: {article.Headline}";
    }
}

/// <summary>The other editor's save, shown beside the form after a clash.</summary>
public sealed record ArticleConflict(string Headline, string BodyMarkdown, DateTime SavedAt);

/// <summary>A media-library photo offered as the lead image.</summary>
public sealed record MediaChoice(int Id, string FileName, string? Alt, string? Caption);
