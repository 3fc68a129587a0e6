using System.Globalization;
using System.Security.Cryptography;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Media;

/// <summary>
/// The media library for every way in (API, newsroom pages): uploads checked and re-encoded, the
/// words about each image, and removal. An item's row exists only while all its files do.
/// </summary>
public sealed partial class MediaLibrary(
    DatelineDbContext db, ImageProcessor processor, MediaStorage storage, SiteClock clock, PageCache cache,
    IOptions<MediaOptions> mediaOptions, IOptions<DatelineOptions> options, ILogger<MediaLibrary> logger)
{
    public const int MaxSearchLength = 200;

    public int MaxUploadBytes => mediaOptions.Value.MaxUploadBytes;

    public async Task<MediaResult> UploadAsync(Stream content, string? fileName, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Can(Capabilities.WriteArticles))
        {
            return MediaResult.Forbidden("This role may not upload media.");
        }

        var bytes = await ReadAtMostAsync(content, MaxUploadBytes, ct);
        if (bytes is null)
        {
            return MediaResult.Refused(MediaOutcome.TooLarge, "file", TooLargeMessage(MaxUploadBytes));
        }

        if (bytes.Length == 0)
        {
            return MediaResult.Refused(MediaOutcome.Invalid, "file", "The file is empty.");
        }

        var processing = await processor.ProcessAsync(bytes, ct);
        if (processing.Refusal is { } refusal)
        {
            return MediaResult.Refused(refusal.Kind == ImageRefusalKind.NotAnImage ? MediaOutcome.UnsupportedType : MediaOutcome.Invalid, "file", refusal.Message);
        }

        var image = processing.Image!;
        var now = clock.UtcNow;
        // 128 random bits: a name nobody can guess from another, and none is ever given twice.
        var key = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy}/{now:MM}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}");
        var files = image.Copies.Select(c => (Path: string.Create(CultureInfo.InvariantCulture, $"{key}-{c.Width}.{image.Extension}"), Copy: c)).ToList();
        var item = new MediaItem
        {
            FileName = MediaFileName.Clean(fileName, image.Extension),
            ContentType = image.ContentType,
            Width = image.Width,
            Height = image.Height,
            ByteSize = image.Copies[^1].Bytes.LongLength,
            CreatedAt = now,
            CreatedBy = actor.Id,
            StorageKey = key,
            Variants = [.. files.Select(f => new MediaVariant { Width = f.Copy.Width, Height = f.Copy.Height, Path = f.Path })],
        };

        await storage.WriteAllAsync([.. files.Select(f => (f.Path, f.Copy.Bytes))], ct);
        var saved = false;
        try
        {
            db.MediaItems.Add(item);
            // Not cancellable once the files are in place: a commit cut short could not be told
            // from one that failed, and the files would be removed from under a saved row.
            await db.SaveChangesAsync(CancellationToken.None);
            saved = true;
        }
        finally
        {
            if (!saved)
            {
                db.ChangeTracker.Clear();
                storage.DeleteAll(files.Select(f => f.Path));
            }
        }

        LogUploaded(logger, item.Id, actor.Id, item.Width, item.Height, item.ContentType, item.Variants.Count);
        return MediaResult.Saved(item);
    }

    public async Task<MediaResult> UpdateAsync(int id, MediaInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return new MediaResult(MediaOutcome.NotFound);
        }

        if (CheckMayChange(item, actor) is { } refusal)
        {
            return refusal;
        }

        var errors = new FieldErrors();
        Validate(input, errors);
        if (!errors.IsEmpty)
        {
            return MediaResult.Invalid(errors);
        }

        var alt = input.Alt.IsSet ? input.Alt.Value : item.Alt;
        var users = UsersOf(id);
        if (alt is null
            && await users.Where(a => a.Status != ArticleStatus.Draft && a.Image!.Alt == null).Select(a => new { a.Id, a.Headline }).FirstOrDefaultAsync(ct) is { } relying)
        {
            errors.Add("alt", $"Article {relying.Id} (“{relying.Headline}”) is published or scheduled with this image and takes its alt text from here; give the article its own alt text first.");
            return MediaResult.Invalid(errors);
        }

        item.Alt = alt;
        item.Caption = input.Caption.IsSet ? input.Caption.Value : item.Caption;
        item.Credit = input.Credit.IsSet ? input.Credit.Value : item.Credit;
        await db.SaveChangesAsync(ct);
        // Only the pages of articles readers see show the image's caption and credit.
        foreach (var articleId in await users.Published(clock.UtcNow).Select(a => a.Id).ToListAsync(ct))
        {
            await cache.ArticleChangedAsync(articleId, ct);
        }

        return MediaResult.Saved(item);
    }

    public async Task<MediaResult> DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return new MediaResult(MediaOutcome.NotFound);
        }

        if (CheckMayChange(item, actor) is { } refusal)
        {
            return refusal;
        }

        var users = await UsersOf(id).OrderBy(a => a.Id).Select(a => new { a.Id, a.Headline }).Take(4).ToListAsync(ct);
        if (users.Count > 0)
        {
            var named = string.Join(", ", users.Take(3).Select(a => $"{a.Id} (“{a.Headline}”)"));
            return MediaResult.Refused(MediaOutcome.InUse, "id",
                $"The image is the lead image of article {named}{(users.Count > 3 ? " and more" : "")}; give {(users.Count > 1 ? "them" : "it")} another image first.");
        }

        db.MediaItems.Remove(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (ForeignKeyViolation.Is(e))
        {
            return MediaResult.Refused(MediaOutcome.InUse, "id", "An article took this image as its lead image a moment ago; give it another image first.");
        }

        // The row is gone, so nothing points at the files any more; they go after it, never before.
        storage.DeleteAll(item.Variants.Select(v => v.Path));
        return new MediaResult(MediaOutcome.Saved, item);
    }

    public async Task<MediaResponse?> GetAsync(int id, CancellationToken ct) =>
        await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) is { } item ? MediaResponse.From(item) : null;

    /// <summary>A page of the library, newest first; <paramref name="search"/> looks in file names, alt text and captions.</summary>
    public async Task<Page<MediaResponse>> ListAsync(int page, string? search, CancellationToken ct)
    {
        var query = db.MediaItems.AsNoTracking();
        if (search?.Trim() is { Length: > 0 } text)
        {
            var term = text.Length > MaxSearchLength ? text[..MaxSearchLength] : text;
            var pattern = "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            // SQLite's LIKE ignores case already (for ASCII); PostgreSQL's needs ILIKE.
            query = db.Database.IsNpgsql()
                ? query.Where(m => EF.Functions.ILike(m.FileName, pattern, "\\")
                    || (m.Caption != null && EF.Functions.ILike(m.Caption, pattern, "\\"))
                    || (m.Alt != null && EF.Functions.ILike(m.Alt, pattern, "\\")))
                : query.Where(m => EF.Functions.Like(m.FileName, pattern, "\\")
                    || (m.Caption != null && EF.Functions.Like(m.Caption, pattern, "\\"))
                    || (m.Alt != null && EF.Functions.Like(m.Alt, pattern, "\\")));
        }

        var result = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .ToPageAsync(page, options.Value.PageSize, ct);
        return new Page<MediaResponse>([.. result.Items.Select(MediaResponse.From)], result.Number, result.HasNext);
    }

    public static string TooLargeMessage(long limit) =>
        $"The file is larger than {Size(limit)}, the most this site accepts for an image.";

    private IQueryable<Article> UsersOf(int mediaId) => db.Articles.Where(a => a.Image!.MediaId == mediaId);

    private static MediaResult? CheckMayChange(MediaItem item, Actor actor)
    {
        if (!actor.Can(Capabilities.WriteArticles))
        {
            return MediaResult.Forbidden("This role may not change media.");
        }

        return item.CreatedBy != actor.Id && !actor.Can(Capabilities.EditOthersArticles)
            ? MediaResult.Forbidden("This role may change only the media it uploaded.")
            : null;
    }

    /// <summary>The same rules as an article's lead image, so that what the library holds an article can use. Trims in place.</summary>
    public static void Validate(MediaInput input, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        if (input.Alt.IsSet)
        {
            input.Alt = TextRules.Check(input.Alt.Value, "alt", ArticleLimits.ImageText, errors);
        }

        if (input.Caption.IsSet)
        {
            input.Caption = TextRules.Check(input.Caption.Value, "caption", ArticleLimits.ImageText, errors, multiline: true);
        }

        if (input.Credit.IsSet)
        {
            input.Credit = TextRules.Check(input.Credit.Value, "credit", ArticleLimits.Credit, errors);
        }
    }

    // Stops at the limit: a client that lies about its size, or sends no size, still cannot
    // make us hold more than the limit.
    private static async Task<byte[]?> ReadAtMostAsync(Stream content, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media item {MediaId} uploaded by {Actor}: {Width}×{Height} {ContentType}, {Copies} copies")]
    private static partial void LogUploaded(ILogger logger, int mediaId, string actor, int width, int height, string contentType, int copies);

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
