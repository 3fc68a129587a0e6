using System.Text.RegularExpressions;
using Dateline.Data;
using Dateline.Features.Media;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Import.Wxr;

/// <summary>
/// Brings the files of a copy of WordPress's wp-content/uploads into the media library, each
/// through the same checks and resizing as an upload, so that featured images become media items
/// and bodies point at the library instead of the old site. A file is found by its path under
/// "uploads/" in the attachment's URL; one that is missing, or not an image the library takes,
/// keeps its old URL and is counted.
/// </summary>
public sealed partial class WxrMedia(IServiceScopeFactory scopes, string directory)
{
    private readonly string root = Path.GetFullPath(directory);
    private readonly Dictionary<string, (int Id, string Url)> byPath = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An attachment as the first pass read it.</summary>
    public sealed record Source(string Id, string Url, string? Alt, string? Caption, string? Credit);

    /// <summary>The media item that replaced an attachment's URL, if one did.</summary>
    public int? MediaIdFor(string url) => UploadsPath(url) is { } path && byPath.TryGetValue(path, out var found) ? found.Id : null;

    public async Task ImportAsync(IEnumerable<Source> attachments, WxrImportReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        ArgumentNullException.ThrowIfNull(report);
        foreach (var attachment in attachments)
        {
            if (UploadsPath(attachment.Url) is not { } path || byPath.ContainsKey(path))
            {
                continue;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
            if (await db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.OriginalUrl == attachment.Url, ct) is { } known)
            {
                byPath[path] = (known.Id, known.FullSize.Url);
                report.MediaUnchanged++;
                continue;
            }

            var file = Path.GetFullPath(Path.Combine(root, path));
            if (!file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
            {
                report.MediaMissing++;
                continue;
            }

            MediaResult result;
            await using (var stream = File.OpenRead(file))
            {
                result = await scope.ServiceProvider.GetRequiredService<MediaLibrary>().UploadAsync(stream, Path.GetFileName(file), WxrImporter.Importer, ct);
            }

            if (result is not { Outcome: MediaOutcome.Saved, Item: { } item })
            {
                report.MediaRefused++;
                report.Problems.Add($"attachment {attachment.Id}: {path} stays a link to the old site, the media library refused it ({result.Message ?? result.Outcome.ToString()})");
                continue;
            }

            var saved = await db.MediaItems.FirstAsync(m => m.Id == item.Id, ct);
            saved.OriginalUrl = attachment.Url.Length <= 1000 ? attachment.Url : null;
            saved.Alt = ImportValues.Fits(attachment.Alt, Articles.ArticleLimits.ImageText);
            saved.Caption = ImportValues.Fits(attachment.Caption, Articles.ArticleLimits.ImageText);
            saved.Credit = ImportValues.Fits(attachment.Credit, Articles.ArticleLimits.Credit);
            await db.SaveChangesAsync(ct);
            byPath[path] = (saved.Id, saved.FullSize.Url);
            report.MediaAdded++;
        }
    }

    /// <summary>The body with every link to an imported upload (WordPress's resized copies too) pointing at the library.</summary>
    public string Rewrite(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return byPath.Count == 0 || !html.Contains("/uploads/", StringComparison.Ordinal) ? html
            : UploadsUrl().Replace(html, m => UploadsPath(m.Value) is { } path && byPath.TryGetValue(path, out var found) ? found.Url : m.Value);
    }

    // "2024/03/ferry.jpg" from ".../wp-content/uploads/2024/03/ferry-300x200.jpg": WordPress's
    // resized copies are named after the original with their size, and all become the one item.
    private static string? UploadsPath(string url)
    {
        var at = url.IndexOf("/uploads/", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var path = url[(at + "/uploads/".Length)..];
        var end = path.IndexOfAny(['?', '#']);
        path = end < 0 ? path : path[..end];
        try
        {
            path = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }

        path = SizeSuffix().Replace(path, "");
        return path.Length == 0 || path.Contains("..", StringComparison.Ordinal) || path.Contains('\\', StringComparison.Ordinal) ? null : path;
    }

    [GeneratedRegex(@"-\d{1,5}x\d{1,5}(?=\.[A-Za-z0-9]+$)")]
    private static partial Regex SizeSuffix();

    [GeneratedRegex(@"(?:https?:)?(?://[^\s""'<>/]+)?/wp-content/uploads/[^\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex UploadsUrl();
}
