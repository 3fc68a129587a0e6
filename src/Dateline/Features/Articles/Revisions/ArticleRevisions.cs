using System.Globalization;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Articles.Revisions;

/// <summary>
/// An article's history for the newsroom pages and API: the list of saves, one save's content,
/// the differences between two states, and bringing an earlier state back. Whoever may edit an
/// article may read its history; a restore is an ordinary edit through <see cref="ArticleEditor"/>.
/// </summary>
public sealed class ArticleRevisions(DatelineDbContext db, ArticleEditor editor)
{
    public const int PageSize = 50;

    public async Task<RevisionResult<RevisionListResponse>> ListAsync(int articleId, int page, Actor actor, CancellationToken ct)
    {
        if (await CheckMayReadAsync(articleId, actor, ct) is { Outcome: not RevisionOutcome.Found } refusal)
        {
            return new(refusal.Outcome, Message: refusal.Message);
        }

        var rows = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Number, r.SavedAt, r.SavedBy, r.Summary, r.RestoredFrom })
            .ToPageAsync(page, PageSize, ct);
        var names = await SavedByNamesAsync(rows.Items.Select(r => r.SavedBy), ct);
        var revisions = rows.Items.Select(r => new RevisionResponse(r.Number, r.SavedAt, r.SavedBy, names[r.SavedBy], r.Summary, r.RestoredFrom)).ToList();
        return new RevisionResult<RevisionListResponse>(RevisionOutcome.Found, new RevisionListResponse(articleId, revisions, rows.Number, rows.HasNext));
    }

    public async Task<RevisionResult<RevisionDetailResponse>> GetAsync(int articleId, int number, Actor actor, CancellationToken ct)
    {
        if (await CheckMayReadAsync(articleId, actor, ct) is { Outcome: not RevisionOutcome.Found } refusal)
        {
            return new(refusal.Outcome, Message: refusal.Message);
        }

        if (await FindAsync(articleId, number, ct) is not { } revision)
        {
            return new(RevisionOutcome.NotFound, Message: NoSuchRevision(articleId, number));
        }

        var names = await SavedByNamesAsync([revision.SavedBy], ct);
        return new RevisionResult<RevisionDetailResponse>(RevisionOutcome.Found, new RevisionDetailResponse(
            revision.Number, revision.SavedAt, revision.SavedBy, names[revision.SavedBy], revision.Summary, revision.RestoredFrom, revision.Snapshot));
    }

    /// <summary>
    /// What changes from <paramref name="against"/> to revision <paramref name="number"/>:
    /// against null is the article as it is now (so the diff shows what restoring would do), and
    /// against 0 is the empty article before revision 1.
    /// </summary>
    public async Task<RevisionResult<RevisionDiff>> DiffAsync(int articleId, int number, int? against, Actor actor, CancellationToken ct)
    {
        if (await CheckMayReadAsync(articleId, actor, ct) is { Outcome: not RevisionOutcome.Found } refusal)
        {
            return new(refusal.Outcome, Message: refusal.Message);
        }

        if (await FindAsync(articleId, number, ct) is not { } to)
        {
            return new(RevisionOutcome.NotFound, Message: NoSuchRevision(articleId, number));
        }

        ArticleSnapshot? fromSnapshot = null;
        RevisionSide fromSide;
        var saversOfFrom = new List<string>();
        switch (against)
        {
            case null:
                var current = await db.Articles.AsNoTracking()
                    .Include(a => a.Authors).ThenInclude(aa => aa.Author)
                    .Include(a => a.Topics)
                    .Include(a => a.Section)
                    .AsSplitQuery()
                    .FirstAsync(a => a.Id == articleId, ct);
                fromSnapshot = ArticleSnapshot.Of(current);
                fromSide = new RevisionSide(null, current.UpdatedAt, null, null);
                break;
            case 0:
                fromSide = new RevisionSide(0, null, null, null);
                break;
            case { } other:
                if (await FindAsync(articleId, other, ct) is not { } revision)
                {
                    return new(RevisionOutcome.NotFound, Message: NoSuchRevision(articleId, other));
                }

                fromSnapshot = revision.Snapshot;
                fromSide = new RevisionSide(revision.Number, revision.SavedAt, revision.SavedBy, null);
                saversOfFrom.Add(revision.SavedBy);
                break;
        }

        var names = await SavedByNamesAsync(saversOfFrom.Append(to.SavedBy), ct);
        var body = RevisionDiffer.Body(fromSnapshot?.BodyMarkdown ?? "", to.Snapshot.BodyMarkdown);
        return new RevisionResult<RevisionDiff>(RevisionOutcome.Found, new RevisionDiff(
            articleId,
            fromSide.SavedBy is { } by ? fromSide with { SavedByName = names[by] } : fromSide,
            new RevisionSide(to.Number, to.SavedAt, to.SavedBy, names[to.SavedBy]),
            RevisionDiffer.Fields(fromSnapshot, to.Snapshot),
            !string.Equals(fromSnapshot?.BodyMarkdown ?? "", to.Snapshot.BodyMarkdown, StringComparison.Ordinal),
            body));
    }

    /// <summary>
    /// Saves a revision's content again as a new revision. Publication (status and time) stays as
    /// it is now: bringing back earlier words must not unpublish or republish an article, which
    /// is a decision of its own.
    /// </summary>
    public async Task<ArticleEditResult> RestoreAsync(int articleId, int number, Actor actor, Guid? expectedVersion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var check = await CheckMayReadAsync(articleId, actor, ct);
        if (check.Outcome != RevisionOutcome.Found)
        {
            return check.Outcome == RevisionOutcome.NotFound
                ? new ArticleEditResult(ArticleEditOutcome.NotFound, Message: check.Message)
                : ArticleEditResult.Forbidden(check.Message!);
        }

        if (await FindAsync(articleId, number, ct) is not { } revision)
        {
            return new ArticleEditResult(ArticleEditOutcome.NotFound, articleId, Message: NoSuchRevision(articleId, number));
        }

        var s = revision.Snapshot;
        var input = new ArticleInput
        {
            Headline = s.Headline,
            Dek = s.Dek,
            Dateline = s.Dateline,
            BodyMarkdown = s.BodyMarkdown,
            Authors = s.Authors.Select(a => new NameInput(a.Name, a.Slug)).ToList(),
            Credits = s.Credits.ToList(),
            Image = s.Image is { } i ? new ImageInput(i.Url, i.Alt, i.Caption, i.Credit, i.Width, i.Height) : null,
            Topics = s.Topics.Select(t => new NameInput(t.Name, t.Slug)).ToList(),
            Section = s.Section,
            CommentsOpen = s.CommentsOpen,
            OriginalUrl = s.OriginalUrl,
        };
        // A slug given is a slug chosen (a clash is then refused rather than numbered), so it is
        // given only when it really changes.
        if (!string.Equals(s.Slug, check.Slug, StringComparison.Ordinal))
        {
            input.Slug = s.Slug;
        }

        return await editor.UpdateAsync(articleId, input, actor, expectedVersion, restoredFrom: number, ct);
    }

    private async Task<(RevisionOutcome Outcome, string? Message, string? Slug)> CheckMayReadAsync(int articleId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == articleId).Select(a => new { a.CreatedBy, a.Slug }).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return (RevisionOutcome.NotFound, $"No article has the id {articleId}.", null);
        }

        if (!actor.Can(Capabilities.WriteArticles))
        {
            return (RevisionOutcome.Forbidden, "This role may not see article revisions.", null);
        }

        if (article.CreatedBy != actor.Id && !actor.Can(Capabilities.EditOthersArticles))
        {
            return (RevisionOutcome.Forbidden, "This role may see the revisions of its own articles only.", null);
        }

        return (RevisionOutcome.Found, null, article.Slug);
    }

    private Task<ArticleRevision?> FindAsync(int articleId, int number, CancellationToken ct) =>
        db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Number == number, ct);

    private static string NoSuchRevision(int articleId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"Article {articleId} has no revision {number}.");

    // "user:…" and "key:…" become the names the newsroom knows them by; a deleted user or key
    // keeps its id, which is all that is left of it.
    private async Task<Dictionary<string, string>> SavedByNamesAsync(IEnumerable<string> savers, CancellationToken ct)
    {
        var ids = savers.Distinct(StringComparer.Ordinal).ToList();
        var userIds = ids.Where(i => i.StartsWith("user:", StringComparison.Ordinal)).Select(i => i[5..]).ToList();
        var keyIds = ids.Where(i => i.StartsWith("key:", StringComparison.Ordinal))
            .Select(i => int.TryParse(i[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToList();
        var users = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => "user:" + u.Id, u => u.DisplayName, ct);
        var keys = keyIds.Count == 0 ? [] : await db.ApiKeys.AsNoTracking().Where(k => keyIds.Contains(k.Id))
            .ToDictionaryAsync(k => "key:" + k.Id.ToString(CultureInfo.InvariantCulture), k => $"API key “{k.Name}”", ct);
        return ids.ToDictionary(i => i, i => i switch
        {
            ScheduledPublisher.ActorId => "Scheduler",
            _ when users.TryGetValue(i, out var name) && name.Length > 0 => name,
            _ when keys.TryGetValue(i, out var name) => name,
            _ when i.StartsWith("cli:", StringComparison.Ordinal) => "Command line",
            _ => i,
        }, StringComparer.Ordinal);
    }
}
