using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Articles.Revisions;
using Dateline.Features.Media;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Articles;

/// <summary>
/// Creates and changes articles for every way in (API, newsroom, imports): validation, permissions,
/// slugs, publication times and the rendered body, saved together with a revision of the result,
/// or not at all.
/// </summary>
public sealed class ArticleEditor(DatelineDbContext db, ArticleMarkdown markdown, SiteClock clock, PageCache cache, Comments.DiscussionSettingsStore discussion)
{
    private const string EditSavepoint = "dateline_article_edit";

    private readonly List<(Article Article, ArticleSnapshot After, DateTime At)> staged = [];
    private ArticleTaxonomy? taxonomy;

    /// <summary>
    /// For a caller that adds many articles in one unit of work (an import): every author, topic
    /// and section is read once now and found in memory from then on. What the change tracker
    /// holds must stay tracked while this editor is used; after clearing it, preload again.
    /// </summary>
    public async Task PreloadTaxonomyAsync(CancellationToken ct) => taxonomy = await ArticleTaxonomy.PreloadAsync(db, ct);

    /// <summary>
    /// Checks and applies an input to a new article as <see cref="CreateAsync"/> does, and adds it
    /// to this editor's unit of work without saving, so that a caller with many (an import) saves
    /// them together with <see cref="SaveStagedAsync"/>. The article comes back when it was taken.
    /// </summary>
    public async Task<(ArticleEditResult Result, Article? Article)> StageCreateAsync(ArticleInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Capabilities.WriteArticles))
        {
            return (ArticleEditResult.Forbidden("This role may not write articles."), null);
        }

        var article = new Article
        {
            Headline = "",
            Slug = "",
            CreatedAt = clock.UtcNow,
            CreatedBy = actor.Id,
            CommentsOpen = input.CommentsOpen.IsSet ? input.CommentsOpen.Value : (await discussion.GetAsync(ct)).CommentsOpenByDefault,
        };
        // A refused article must not leave behind the tags it would have created: the others
        // staged with it are saved, and those rows with them.
        taxonomy ??= new ArticleTaxonomy(db);
        var mark = taxonomy.Created;
        if (await PrepareAsync(article, input, actor, creating: true, ct) is { } refusal)
        {
            taxonomy.ForgetSince(mark);
            return (refusal, null);
        }

        var now = clock.UtcNow;
        article.UpdatedAt = now;
        article.Version = Guid.NewGuid();
        db.Articles.Add(article);
        staged.Add((article, ArticleSnapshot.Of(article), now));
        return (new ArticleEditResult(ArticleEditOutcome.Saved), article);
    }

    /// <summary>
    /// Saves the staged articles with their first revisions, inside the caller's transaction when
    /// there is one. A failure is thrown: the caller decides how to go on without the batch.
    /// </summary>
    public async Task SaveStagedAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (staged.Count == 0)
        {
            return;
        }

        var ownTransaction = db.Database.CurrentTransaction is null;
        await using (var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            await db.SaveChangesAsync(ct);
            foreach (var (article, after, at) in staged)
            {
                await RevisionLog.AddAsync(db, article, before: null, after, actor.Id, at, restoredFrom: null, ct);
            }

            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }

        var committed = clock.UtcNow;
        foreach (var (article, _, _) in staged.Where(s => MayBeShown(ArticleState.Of(s.Article), committed)))
        {
            // Inside a caller's transaction the rows are not committed yet: evicted, but not
            // counted as saved here, so the scheduler still evicts them when their time falls.
            // An article no reader sees yet is on no page: the scheduler evicts when its time comes.
            await (ownTransaction
                ? cache.ArticleSavedAsync(article.Id, article.Version, ct)
                : cache.ArticleChangedAsync(article.Id, ct));
        }

        staged.Clear();
    }
    public async Task<ArticleEditResult> CreateAsync(ArticleInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Capabilities.WriteArticles))
        {
            return ArticleEditResult.Forbidden("This role may not write articles.");
        }

        var article = new Article
        {
            Headline = "",
            Slug = "",
            CreatedAt = clock.UtcNow,
            CreatedBy = actor.Id,
            CommentsOpen = input.CommentsOpen.IsSet ? input.CommentsOpen.Value : (await discussion.GetAsync(ct)).CommentsOpenByDefault,
        };
        return await SaveAsync(article, input, actor, before: null, restoredFrom: null, ct);
    }

    public Task<ArticleEditResult> UpdateAsync(int id, ArticleInput input, Actor actor, Guid? expectedVersion, CancellationToken ct) =>
        UpdateAsync(id, input, actor, expectedVersion, restoredFrom: null, ct);

    /// <summary>An update; <paramref name="restoredFrom"/> names the revision whose content it brings back, for the history.</summary>
    public async Task<ArticleEditResult> UpdateAsync(int id, ArticleInput input, Actor actor, Guid? expectedVersion, int? restoredFrom, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var article = await db.Articles
            .Include(a => a.Authors).ThenInclude(aa => aa.Author)
            .Include(a => a.Topics)
            .Include(a => a.Section)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return new ArticleEditResult(ArticleEditOutcome.NotFound);
        }

        if (CheckMayEdit(article, actor) is { } refusal)
        {
            return refusal;
        }

        if (expectedVersion is { } version && version != article.Version)
        {
            return new ArticleEditResult(ArticleEditOutcome.VersionMismatch, article.Id,
                Message: "The article was changed by someone else since you read it; read it again and reapply your change.",
                CurrentVersion: article.Version);
        }

        return await SaveAsync(article, input, actor, (ArticleSnapshot.Of(article), article.UpdatedAt), restoredFrom, ct);
    }

    public async Task<ArticleEditResult> DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return new ArticleEditResult(ArticleEditOutcome.NotFound);
        }

        if (CheckMayEdit(article, actor) is { } refusal)
        {
            return refusal;
        }

        var was = ArticleState.Of(article);
        // The article's comments go with it, but a reply's link to its parent restricts deletes
        // (SQLite checks it row by row, so a cascade that meets a parent first fails): cut the
        // links first, in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Comments.Where(c => c.ArticleId == id && c.ParentId != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ParentId, (int?)null), ct);
        db.Articles.Remove(article);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (MayBeShown(was, clock.UtcNow))
        {
            await cache.ArticleChangedAsync(id, ct);
        }

        return new ArticleEditResult(ArticleEditOutcome.Saved, id);
    }

    public async Task<ArticleEditResult> AddNoteAsync(int id, ArticleNoteKind kind, string? text, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var errors = new FieldErrors();
        var checkedText = TextRules.Check(text, "text", ArticleLimits.Note, errors, required: true, multiline: true);
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return new ArticleEditResult(ArticleEditOutcome.NotFound);
        }

        if (CheckMayEdit(article, actor) is { } refusal)
        {
            return refusal;
        }

        if (!errors.IsEmpty)
        {
            return ArticleEditResult.Invalid(errors);
        }

        var now = clock.UtcNow;
        db.ArticleNotes.Add(new ArticleNote { ArticleId = id, Kind = kind, At = now, Text = checkedText! });
        article.UpdatedAt = now;
        article.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        // A note on an article no reader sees yet shows nowhere (the corrections list only
        // published ones); it appears with the article.
        if (MayBeShown(ArticleState.Of(article), clock.UtcNow))
        {
            await cache.ArticleChangedAsync(id, ct);
        }

        return new ArticleEditResult(ArticleEditOutcome.Saved, id);
    }

    /// <summary>
    /// Whether an article in this state may be on a public page now that the change has committed,
    /// or will be within the scheduler's interval. Read after the commit: an article whose time
    /// falls between the check and the commit is then counted as shown; the margin covers other
    /// instances' clocks, whose scheduler ticks evict what falls due after it.
    /// </summary>
    private static bool MayBeShown(ArticleState state, DateTime committed) =>
        state.IsPublishedBy(committed + ScheduledPublisher.Interval);

    private static ArticleEditResult? CheckMayEdit(Article article, Actor actor)
    {
        if (!actor.Can(Capabilities.WriteArticles))
        {
            return ArticleEditResult.Forbidden("This role may not write articles.");
        }

        if (article.CreatedBy != actor.Id && !actor.Can(Capabilities.EditOthersArticles))
        {
            return ArticleEditResult.Forbidden("This role may change only its own articles.");
        }

        if (article.Status != ArticleStatus.Draft && !actor.Can(Capabilities.PublishArticles))
        {
            return ArticleEditResult.Forbidden("This role may not change an article once it is scheduled or published.");
        }

        return null;
    }

    private async Task<ArticleEditResult> SaveAsync(Article article, ArticleInput input, Actor actor,
        (ArticleSnapshot Snapshot, DateTime At)? before, int? restoredFrom, CancellationToken ct)
    {
        var creating = before is null;
        var bodyHtmlBefore = article.BodyHtml;
        ArticleState? was = creating ? null : ArticleState.Of(article);
        if (await PrepareAsync(article, input, actor, creating, ct) is { } refusal)
        {
            return refusal;
        }

        var after = ArticleSnapshot.Of(article);
        var contentChanged = before is not { } earlier || !earlier.Snapshot.SameAs(after);
        if (!contentChanged && string.Equals(article.BodyHtml, bodyHtmlBefore, StringComparison.Ordinal))
        {
            // Nothing to keep: no new version, no revision, nothing to evict. What applying the
            // input tracked (bylines taken off and put back) goes too, so that no later save in
            // this scope writes it.
            db.ChangeTracker.Clear();
            return new ArticleEditResult(ArticleEditOutcome.Saved, article.Id);
        }

        var now = clock.UtcNow;
        article.UpdatedAt = now;
        article.Version = Guid.NewGuid();
        if (creating)
        {
            db.Articles.Add(article);
        }

        // Inside a caller's transaction (an import's batch) the edit gets a savepoint, so that a
        // failed save takes back the article's row as well as its revision, as our own would.
        var ambient = db.Database.CurrentTransaction;
        try
        {
            await using var transaction = ambient is null ? await db.Database.BeginTransactionAsync(ct) : null;
            if (ambient is not null)
            {
                await ambient.CreateSavepointAsync(EditSavepoint, ct);
            }

            await db.SaveChangesAsync(ct);
            // A body merely rendered again (a newer Markdown pipeline) is saved, but is no new revision.
            if (contentChanged)
            {
                await RevisionLog.AddAsync(db, article, before, after, actor.Id, now, restoredFrom, ct);
                await db.SaveChangesAsync(ct);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                await ambient!.ReleaseSavepointAsync(EditSavepoint, ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            await RollBackAsync(ambient);
            return new ArticleEditResult(ArticleEditOutcome.VersionMismatch, article.Id,
                Message: "The article was changed by someone else at the same moment; read it again and reapply your change.",
                CurrentVersion: await db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => (Guid?)a.Version).FirstOrDefaultAsync(ct));
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            await RollBackAsync(ambient);
            // Another save took the same day and slug (or author or topic slug) between our check and ours.
            return ArticleEditResult.Conflict("slug", "Someone saved an article with the same slug at the same moment; try again.");
        }

        // A draft, or an article scheduled for later, before and after the save is on no public
        // page: nothing to evict (the scheduler evicts when its time comes). Otherwise, inside a
        // caller's transaction (an import's batch) the save is not committed yet.
        var committed = clock.UtcNow;
        if ((was is { } previous && MayBeShown(previous, committed)) || MayBeShown(ArticleState.Of(article), committed))
        {
            await (ambient is null
                ? cache.ArticleSavedAsync(article.Id, article.Version, ct)
                : cache.ArticleChangedAsync(article.Id, ct));
        }

        return new ArticleEditResult(ArticleEditOutcome.Saved, article.Id);
    }

    private static async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? ambient)
    {
        if (ambient is not null)
        {
            await ambient.RollbackToSavepointAsync(EditSavepoint, CancellationToken.None);
        }
    }

    /// <summary>Validates and applies the input; a refusal when the article cannot be saved so.</summary>
    private async Task<ArticleEditResult?> PrepareAsync(Article article, ArticleInput input, Actor actor, bool creating, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ArticleValidator.Validate(input, creating, errors);
        if (input.Status is { IsSet: true, Value: not ArticleStatus.Draft } && input.Status.Value != article.Status
            && !actor.Can(Capabilities.PublishArticles))
        {
            return ArticleEditResult.Forbidden("This role may save drafts but may not publish or schedule.");
        }

        if (!errors.IsEmpty)
        {
            return ArticleEditResult.Invalid(errors);
        }

        var media = await LeadMediaAsync(article, input, errors, ct);
        if (!errors.IsEmpty)
        {
            return ArticleEditResult.Invalid(errors);
        }

        await ApplyAsync(article, input, media, ct);
        ApplyPublication(article, input, clock.UtcNow, errors);
        if (article.Status != ArticleStatus.Draft && article.Authors.Count == 0)
        {
            errors.Add("authors", "An article needs at least one author before it is published or scheduled.");
        }

        if (article.Status != ArticleStatus.Draft && article.Image is { Url: null })
        {
            errors.Add("image.url", "The lead image needs a photo (its URL) before the article is published; or remove the image.");
        }

        // The article's own alt text wins; without one, the media item's is what readers get.
        if (article.Status != ArticleStatus.Draft && article.Image is { Url: not null } lead && lead.Alt is null && media?.Alt is null)
        {
            errors.Add("image.alt", media is null
                ? "The lead image needs alt text (what the photo shows, for readers who cannot see it) before the article is published or scheduled."
                : $"The lead image needs alt text (what the photo shows, for readers who cannot see it) before the article is published or scheduled: set image.alt here, or the alt text of media item {media.Id}.");
        }

        if (!errors.IsEmpty)
        {
            return ArticleEditResult.Invalid(errors);
        }

        // A slug that is not what the headline would give was chosen by an editor, now or earlier.
        var chosenSlug = input.Slug is { IsSet: true, Value: not null } || article.Slug != SlugGenerator.Generate(article.Headline);
        return await ResolveSlugAsync(article, chosenSlug, ct);
    }

    /// <summary>The media item the lead image will use once this edit is applied, if any.</summary>
    private async Task<MediaItem?> LeadMediaAsync(Article article, ArticleInput input, FieldErrors errors, CancellationToken ct)
    {
        var id = input.Image.IsSet ? input.Image.Value?.MediaId : article.Image?.MediaId;
        if (id is null)
        {
            return null;
        }

        var media = await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (media is null)
        {
            errors.Add("image.mediaId", $"No media item has the id {id}.");
        }

        return media;
    }

    private async Task ApplyAsync(Article article, ArticleInput input, MediaItem? media, CancellationToken ct)
    {
        var taxonomy = this.taxonomy ?? new ArticleTaxonomy(db);
        if (input.Headline.IsSet)
        {
            article.Headline = input.Headline.Value;
        }

        if (input.Slug.IsSet || article.Slug.Length == 0)
        {
            article.Slug = input.Slug is { IsSet: true, Value: { } chosen } ? chosen
                : SlugGenerator.Generate(article.Headline) is { Length: > 0 } generated ? generated : "article";
        }

        if (input.Dek.IsSet)
        {
            article.Dek = input.Dek.Value;
        }

        if (input.Dateline.IsSet)
        {
            article.Dateline = input.Dateline.Value;
        }

        if (input.BodyMarkdown.IsSet || article.BodyHtml.Length == 0)
        {
            if (input.BodyMarkdown.IsSet)
            {
                article.BodyMarkdown = input.BodyMarkdown.Value;
            }

            article.BodyHtml = input.RenderedBody is { } rendered && string.Equals(rendered.Markdown, article.BodyMarkdown, StringComparison.Ordinal)
                ? rendered.Html
                : markdown.ToHtml(article.BodyMarkdown);
        }

        if (input.Credits.IsSet)
        {
            article.Credits = [.. input.Credits.Value];
        }

        if (input.Image.IsSet)
        {
            // A media item's files never change, so its URL and size are copied in for good.
            article.Image = input.Image.Value is { } image
                ? new LeadImage
                {
                    MediaId = media?.Id,
                    Url = media?.FullSize.Url ?? image.Url,
                    Width = media?.Width ?? image.Width,
                    Height = media?.Height ?? image.Height,
                    Alt = image.Alt,
                    Caption = image.Caption,
                    Credit = image.Credit,
                }
                : null;
        }

        if (input.CommentsOpen.IsSet)
        {
            article.CommentsOpen = input.CommentsOpen.Value;
        }

        if (input.OriginalUrl.IsSet)
        {
            article.OriginalUrl = input.OriginalUrl.Value;
        }

        if (input.OriginalId.IsSet)
        {
            article.OriginalId = input.OriginalId.Value;
        }

        if (input.Authors.IsSet)
        {
            var authors = await taxonomy.AuthorsAsync(input.Authors.Value, ct);
            article.Authors.Clear();
            article.Authors.AddRange(authors.Select((a, i) => new ArticleAuthor { Author = a, Position = i }));
        }

        if (input.Topics.IsSet)
        {
            article.Topics = await taxonomy.TopicsAsync(input.Topics.Value, ct);
        }

        if (input.Section.IsSet)
        {
            article.Section = input.Section.Value is { } section ? await taxonomy.SectionAsync(section, ct) : null;
            article.SectionId = article.Section?.Id;
        }
    }

    private void ApplyPublication(Article article, ArticleInput input, DateTime now, FieldErrors errors)
    {
        var status = input.Status.IsSet ? input.Status.Value : article.Status;
        var publishedAt = input.PublishedAt.IsSet ? input.PublishedAt.Value : article.PublishedAt;
        switch (status)
        {
            case ArticleStatus.Published:
                publishedAt ??= now;
                if (publishedAt > now.AddMinutes(1))
                {
                    errors.Add("publishedAt", "Is in the future: to publish later, set the status to scheduled.");
                }

                break;
            case ArticleStatus.Scheduled:
                if (publishedAt is null || publishedAt <= now)
                {
                    errors.Add("publishedAt", "A scheduled article needs a publication time in the future.");
                }

                break;
        }

        // An article already out keeps its URL date while its time stays, even if the site's time
        // zone has changed since: its address is linked from everywhere.
        var keepsItsAddress = article.PathDate is not null && article.Status != ArticleStatus.Draft && article.PublishedAt == publishedAt;
        article.Status = status;
        article.PublishedAt = publishedAt;
        article.PathDate = status == ArticleStatus.Draft || publishedAt is not { } at ? null
            : keepsItsAddress ? article.PathDate : clock.LocalDate(at);
    }

    // Generated slugs step aside (-2, -3…) for an article already on that day; a slug the editor
    // chose is an editorial decision, so a clash is reported instead.
    private async Task<ArticleEditResult?> ResolveSlugAsync(Article article, bool chosenSlug, CancellationToken ct)
    {
        if (article.PathDate is not { } date)
        {
            return null;
        }

        var taken = await db.Articles
            .Where(a => a.PathDate == date && a.Id != article.Id && a.Slug.StartsWith(article.Slug))
            .Select(a => a.Slug)
            .ToListAsync(ct);
        // Articles staged for the same save are not in the table yet, but take their slugs all the same.
        taken.AddRange(staged.Where(s => s.Article != article && s.Article.PathDate == date).Select(s => s.Article.Slug));
        if (!taken.Contains(article.Slug, StringComparer.Ordinal))
        {
            return null;
        }

        if (chosenSlug)
        {
            return ArticleEditResult.Conflict("slug", $"Another article published on {date:yyyy-MM-dd} already uses the slug '{article.Slug}'.");
        }

        var n = 2;
        while (taken.Contains($"{article.Slug}-{n}", StringComparer.Ordinal))
        {
            n++;
        }

        // The suffix must fit the column, so a long slug gives up its tail for it.
        var suffix = $"-{n}";
        article.Slug = article.Slug[..Math.Min(article.Slug.Length, ArticleLimits.Slug - suffix.Length)].TrimEnd('-') + suffix;
        return null;
    }
}
