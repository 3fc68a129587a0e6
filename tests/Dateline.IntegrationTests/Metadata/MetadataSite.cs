using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Dateline.Data;
using Dateline.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.IntegrationTests.Metadata;

/// <summary>
/// A site with its address, time zone and language configured and short pages, so that heads,
/// lists and feeds can be checked to the character, and helpers to read what a head says.
/// </summary>
public static class MetadataSite
{
    public const string BaseUrl = "https://news.example.org";
    public const string TimeZone = "America/New_York";
    public const string Language = "en-GB";
    public const int PageSize = 3;

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public static void Configure(DatelineApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Settings["Dateline:SiteUrl"] = BaseUrl;
        app.Settings["Dateline:TimeZone"] = TimeZone;
        app.Settings["Dateline:Language"] = Language;
        app.Settings["Dateline:PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A time as the head and JSON-LD write it: in the site's zone, to the second, with its offset.</summary>
    public static string Local(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static DateTimeOffset At(JsonElement value) => value.GetDateTimeOffset();

    /// <summary>The one head tag with this property or name; fails if there is none or more than one.</summary>
    public static string Meta(IDocument page, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        var found = MetaAll(page, key);
        Assert.True(found.Count == 1, $"{key} appears {found.Count} times");
        return found[0];
    }

    public static IReadOnlyList<string> MetaAll(IDocument page, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. page.Head!.QuerySelectorAll("meta").Where(m => m.GetAttribute("property") == key || m.GetAttribute("name") == key).Select(m => m.GetAttribute("content")!)];
    }

    /// <summary>Every property or name in the head occurs once, but those Open Graph repeats by design.</summary>
    public static void AssertNoTagTwice(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var repeated = page.Head!.QuerySelectorAll("meta")
            .Select(m => m.GetAttribute("property") ?? m.GetAttribute("name"))
            .OfType<string>()
            .Where(k => k is not ("article:author" or "article:tag"))
            .GroupBy(k => k, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(repeated);
        Assert.True(page.Head.QuerySelectorAll("link[rel='canonical']").Length <= 1, "more than one canonical link");
    }

    /// <summary>Each JSON-LD block of the head, parsed.</summary>
    public static IReadOnlyList<JsonElement> JsonLd(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. page.Head!.QuerySelectorAll("script[type='application/ld+json']").Select(s => JsonDocument.Parse(s.TextContent).RootElement.Clone())];
    }

    public static JsonElement JsonLd(IDocument page, string type) =>
        Assert.Single(JsonLd(page), j => j.GetProperty("@type").GetString() == type);

    /// <summary>A breadcrumb trail as (position, name, item) triples.</summary>
    public static IReadOnlyList<(int, string, string)> Trail(JsonElement list) =>
        [.. list.GetProperty("itemListElement").EnumerateArray().Select(i =>
            (i.GetProperty("position").GetInt32(), i.GetProperty("name").GetString()!, i.GetProperty("item").GetString()!))];

    /// <summary>The ids of an article's notes, oldest first: the API does not carry them, the anchors do.</summary>
    public static async Task<IReadOnlyList<int>> NoteIdsAsync(DatelineApp app, int articleId)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DatelineDbContext>();
        return await db.ArticleNotes.Where(n => n.ArticleId == articleId).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync();
    }
}

public sealed class MetadataSqliteApp : DatelineApp
{
    public MetadataSqliteApp()
        : base(Provider.Sqlite) => MetadataSite.Configure(this);
}

public sealed class MetadataPostgresApp : DatelineApp
{
    public MetadataPostgresApp()
        : base(Provider.Postgres) => MetadataSite.Configure(this);
}
