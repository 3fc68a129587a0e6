using System.Globalization;

namespace Dateline.Features.Articles.Pages;

/// <summary>
/// The newsroom editor's fields as the browser sends them: plain strings, lists one per line,
/// times in the site's zone. Kept whole through every error, so nothing typed is lost.
/// </summary>
public sealed class ArticleForm
{
    public string? Headline { get; set; }
    public string? Slug { get; set; }
    public string? Dek { get; set; }
    public string? Dateline { get; set; }
    public string? Body { get; set; }
    public string? Authors { get; set; }
    public string? Credits { get; set; }
    public string? Topics { get; set; }
    public string? Section { get; set; }
    public string? ImageUrl { get; set; }

    /// <summary>The media-library item chosen as the lead image, if any; it then gives the URL and sizes.</summary>
    public string? MediaId { get; set; }
    public string? ImageAlt { get; set; }
    public string? ImageCaption { get; set; }
    public string? ImageCredit { get; set; }
    public string? PublishAt { get; set; }
    public bool CommentsOpen { get; set; } = true;
    public string? Version { get; set; }

    public static ArticleForm From(Article article, SiteClock clock)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(clock);
        return new ArticleForm
        {
            Headline = article.Headline,
            Slug = article.Slug,
            Dek = article.Dek,
            Dateline = article.Dateline,
            Body = article.BodyMarkdown,
            Authors = string.Join('\n', article.Authors.OrderBy(a => a.Position).Select(a => a.Author.Name)),
            Credits = string.Join('\n', article.Credits),
            Topics = string.Join(", ", article.Topics.Select(t => t.Name)),
            Section = article.Section?.Name,
            ImageUrl = article.Image is { MediaId: null } ? article.Image.Url : null,
            MediaId = article.Image?.MediaId?.ToString(CultureInfo.InvariantCulture),
            ImageAlt = article.Image?.Alt,
            ImageCaption = article.Image?.Caption,
            ImageCredit = article.Image?.Credit,
            PublishAt = article.PublishedAt is { } at ? clock.ToLocal(at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : null,
            CommentsOpen = article.CommentsOpen,
            Version = article.Version.ToString(),
        };
    }

    /// <summary>Every field as an edit; the status and time come from the button pressed.</summary>
    public ArticleInput ToInput()
    {
        var input = new ArticleInput
        {
            Headline = Headline ?? "",
            Slug = string.IsNullOrWhiteSpace(Slug) ? null : Slug.Trim(),
            Dek = Blank(Dek),
            Dateline = Blank(Dateline),
            BodyMarkdown = Body ?? "",
            Authors = Lines(Authors).Select(n => new NameInput(n)).ToList(),
            Credits = Lines(Credits).ToList(),
            Topics = (Topics ?? "").Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new NameInput(n)).ToList(),
            Section = Blank(Section),
            CommentsOpen = CommentsOpen,
        };
        var mediaId = int.TryParse(MediaId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        input.Image = mediaId is null && new[] { ImageUrl, ImageAlt, ImageCaption, ImageCredit }.All(string.IsNullOrWhiteSpace)
            ? null
            : new ImageInput(mediaId is null ? Blank(ImageUrl) : null, Blank(ImageAlt), Blank(ImageCaption), Blank(ImageCredit), null, null) { MediaId = mediaId };
        return input;
    }

    /// <summary>The publication time typed in the site's zone, as UTC; null when empty or not a time.</summary>
    public DateTime? PublishAtUtc(SiteClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (!DateTime.TryParseExact(PublishAt, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        // A time that does not exist in the zone (the hour skipped in spring) moves past the gap.
        while (clock.Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), clock.Zone);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
