using System.Text.Json;
using Dateline.Features.Articles;

namespace Dateline.Features.Import.Wxr;

/// <summary>
/// What Dateline knows about an article that WordPress has no field for (the Markdown source, the
/// place line, every author of the byline, credits, the lead image's own caption and credit,
/// corrections, the article's earlier addresses), carried in post meta. Keys start with an
/// underscore, which WordPress keeps on import and hides from its editors; Dateline's importer
/// reads them back, so that an export imported into a fresh Dateline gives the same site.
/// </summary>
public static class WxrDatelineMeta
{
    public const string Markdown = "_dateline_markdown";
    public const string Dateline = "_dateline_dateline";
    public const string Authors = "_dateline_authors";
    public const string Credits = "_dateline_credits";
    public const string Image = "_dateline_image";
    public const string Notes = "_dateline_notes";
    public const string OriginalId = "_dateline_original_id";
    public const string OriginalUrl = "_dateline_original_url";

    /// <summary>One meta entry per earlier address (a path, as the old-address table keeps it).</summary>
    public const string OldAddress = "_dateline_old_address";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Note(ArticleNoteKind Kind, DateTime At, string Text);

    /// <summary>Overrides what was read from WordPress's fields with Dateline's own, where the item has them.</summary>
    public static void Apply(WxrItem item, ArticleInput input)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(input);
        if (item.MetaValue(Markdown) is { } markdown)
        {
            input.BodyMarkdown = markdown;
        }

        if (item.MetaValue(Dateline) is { } dateline)
        {
            input.Dateline = dateline.Length > 0 ? dateline : null;
        }

        if (Read<List<NameInput>>(item, Authors) is { Count: > 0 } authors)
        {
            input.Authors = authors;
        }

        if (Read<List<string>>(item, Credits) is { } credits)
        {
            input.Credits = credits;
        }

        if (item.MetaValue(Image) is not null)
        {
            input.Image = Read<ImageInput>(item, Image);
        }

        if (item.MetaValue(OriginalId) is { Length: > 0 and <= ArticleLimits.OriginalId } originalId)
        {
            input.OriginalId = originalId;
        }

        // The link of a post Dateline wrote is its Dateline address, not where it lived before.
        if (item.MetaValue(Markdown) is not null)
        {
            input.OriginalUrl = item.MetaValue(OriginalUrl) is { Length: > 0 and <= ArticleLimits.Url } originalUrl ? originalUrl : null;
        }
    }

    public static List<Note>? Corrections(WxrItem item) => Read<List<Note>>(item, Notes);

    public static IEnumerable<string> OldAddresses(WxrItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Meta.Where(m => m.Key == OldAddress).Select(m => m.Value);
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static T? Read<T>(WxrItem item, string key) where T : class
    {
        if (item.MetaValue(key) is not { Length: > 0 } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"its {key} meta is not the JSON Dateline writes ({e.Message})", e);
        }
    }
}
