using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Articles.Pages;

/// <summary>The newsroom's list of articles, newest change first, filtered by status, author, topic, section and words in the headline.</summary>
[Authorize(Policy = NewsroomAuthentication.WriteArticlesPolicy)]
public sealed class ArticleListModel(DatelineDbContext db, PageMeta meta) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Author { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<ArticleRow> Result { get; private set; } = new([], 1, false);
    public IReadOnlyList<(string Slug, string Name)> Authors { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Topics { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Sections { get; private set; } = [];
    public string ActorId { get; private set; } = "";
    public bool EditsOthers { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Articles";
        var actor = Actor.From(User);
        ActorId = actor.Id;
        EditsOthers = actor.Can(Capabilities.EditOthersArticles);
        var articles = db.Articles.AsNoTracking();
        if (Enum.TryParse<ArticleStatus>(Status, ignoreCase: true, out var status))
        {
            articles = articles.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(Author))
        {
            articles = articles.Where(a => a.Authors.Any(x => x.Author.Slug == Author));
        }

        if (!string.IsNullOrWhiteSpace(Topic))
        {
            articles = articles.Where(a => a.Topics.Any(t => t.Slug == Topic));
        }

        if (!string.IsNullOrWhiteSpace(Section))
        {
            articles = articles.Where(a => a.Section != null && a.Section.Slug == Section);
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            // Lower-cased on both sides, so the search ignores case on SQLite and PostgreSQL alike.
            var words = Query.Trim().ToLowerInvariant();
            words = words.Length > 200 ? words[..200] : words;
            // These run in the database (SQL lower() and LIKE), where culture and comparison
            // overloads do not apply.
#pragma warning disable CA1304, CA1311, CA1862
            articles = articles.Where(a => a.Headline.ToLower().Contains(words));
#pragma warning restore CA1304, CA1311, CA1862
        }

        Result = await articles.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Select(a => new ArticleRow(
                a.Id, a.Headline, a.Status, a.PublishedAt, a.UpdatedAt, a.CreatedBy, a.PathDate, a.Slug,
                a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name).ToList(),
                a.Topics.Select(t => t.Name).ToList(),
                a.Comments.Count(c => c.Status == Comments.CommentStatus.Approved)))
            .ToPageAsync(PageNumber, PageSize, ct);
        Authors = [.. (await db.Authors.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Slug, a.Name }).ToListAsync(ct)).Select(a => (a.Slug, a.Name))];
        Topics = [.. (await db.Topics.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct)).Select(t => (t.Slug, t.Name))];
        Sections = [.. (await db.Sections.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Slug, s.Name }).ToListAsync(ct)).Select(s => (s.Slug, s.Name))];
    }

    /// <summary>This list's address with one filter changed, for pagination links.</summary>
    public string Link(int page) =>
        "/newsroom/articles/" + QueryString.Create(new Dictionary<string, string?>
        {
            ["status"] = Status, ["author"] = Author, ["topic"] = Topic, ["section"] = Section, ["q"] = Query,
            ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}

public sealed record ArticleRow(
    int Id, string Headline, ArticleStatus Status, DateTime? PublishedAt, DateTime UpdatedAt, string? CreatedBy, DateOnly? PathDate, string Slug,
    IReadOnlyList<string> Authors, IReadOnlyList<string> Topics, int Comments);
