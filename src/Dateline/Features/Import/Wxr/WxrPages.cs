using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Features.StaticPages;
using Microsoft.EntityFrameworkCore;
using static Dateline.Features.Import.ImportValues;

namespace Dateline.Features.Import.Wxr;

/// <summary>
/// WordPress pages as Dateline's static pages, at the same paths: a page's slug under its
/// parents' ("/about-us/ethics/"), which is where WordPress served it with pretty permalinks.
/// </summary>
public sealed class WxrPages(DatelineDbContext db, ArticleMarkdown markdown)
{
    /// <summary>A page's slug and parent, read in the first pass so that children find their parents' paths.</summary>
    public sealed record Node(string? Slug, string? ParentId);

    public async Task ImportAsync(WxrItem item, string origin, IReadOnlyDictionary<string, Node> pages, DateTime? publishedAt, Func<string, string>? rewrite, WxrImportReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(report);
        var label = $"page {item.PostId ?? "(no id)"} at line {item.Line}";
        if (item.PostId is null)
        {
            report.Problems.Add($"{label}: skipped, it has no wp:post_id to know it by");
            return;
        }

        if (Path(item.PostId, pages) is not { } path)
        {
            report.Problems.Add($"{label}: skipped, it or a page above it has no slug Dateline can use, or it is nested more than {StaticPagePaths.MaxDepth} deep");
            return;
        }

        if (StaticPagePaths.Problem(path) is { } problem)
        {
            report.Problems.Add($"{label}: skipped, {problem}");
            return;
        }

        var originalId = item.MetaValue(WxrDatelineMeta.OriginalId) is { Length: > 0 and <= 300 } kept ? kept : $"{origin}/?page_id={item.PostId}";
        var page = await db.StaticPages.FirstOrDefaultAsync(p => p.OriginalId == originalId, ct);
        if (await db.StaticPages.AnyAsync(p => p.Path == path && p.OriginalId != originalId, ct))
        {
            report.Problems.Add($"{label}: skipped, another page already has the address /{path}/");
            return;
        }

        var isNew = page is null;
        page ??= db.StaticPages.Add(new StaticPage { Title = "", Path = path, OriginalId = originalId }).Entity;
        var title = Cut(WordPressContent.PlainText(item.Title), StaticPage.MaxTitle);
        var body = item.MetaValue(WxrDatelineMeta.Markdown) ?? (rewrite ?? (h => h))(WordPressContent.ToHtml(item.Content));
        var changed = Set(page.Title, title.Length > 0 ? title : $"Untitled (WordPress page {item.PostId})", v => page.Title = v)
            | Set(page.Path, path, v => page.Path = v)
            | Set(page.BodyMarkdown, body, v => page.BodyMarkdown = v)
            | Set(page.PublishedAt, publishedAt, v => page.PublishedAt = v);
        if (isNew || changed)
        {
            page.BodyHtml = markdown.ToHtml(page.BodyMarkdown);
            page.UpdatedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(ct);
        }

        if (isNew)
        {
            report.PagesAdded++;
        }
        else if (changed)
        {
            report.PagesUpdated++;
        }
        else
        {
            report.PagesUnchanged++;
        }

        if (item.Comments.Count > 0)
        {
            // Static pages have no comments; say how many stayed behind rather than lose them quietly.
            for (var i = 0; i < item.Comments.Count; i++)
            {
                WxrImportReport.Count(report.NotImported, "page comments");
            }
        }
    }

    // The page's slug under its parents' (a parent missing from the file counts as none), or null
    // when a slug is missing or the chain is too deep, which also ends a loop of parents.
    private static string? Path(string id, IReadOnlyDictionary<string, Node> pages)
    {
        var segments = new List<string>();
        for (string? current = id; current is not null && pages.TryGetValue(current, out var node); current = node.ParentId)
        {
            if (WxrImporter.Slug(node.Slug) is not { } slug || segments.Count == StaticPagePaths.MaxDepth)
            {
                return null;
            }

            segments.Insert(0, slug);
        }

        return segments.Count == 0 ? null : string.Join('/', segments);
    }
}
