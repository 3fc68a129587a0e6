using System.Globalization;

namespace Dateline.Features.Articles.Revisions;

/// <summary>The one line a revision list shows for a save: "Published; changed headline and body".</summary>
public static class RevisionSummary
{
    public const int MaxLength = 500;

    private static readonly HashSet<string> PublicationFields = ["status", "publishedAt"];

    public static string Describe(ArticleSnapshot? before, ArticleSnapshot after, int? restoredFrom)
    {
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        if (restoredFrom is { } number)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"restored revision {number}"));
        }

        var publication = Publication(before, after);
        if (publication is not null)
        {
            parts.Add(publication);
        }

        if (before is not null)
        {
            var changed = RevisionFields.Changed(before, after)
                .Where(f => publication is null || !PublicationFields.Contains(f.Name))
                .Select(f => f.Label)
                .Distinct()
                .ToList();
            if (changed.Count > 0)
            {
                parts.Add("changed " + Enumerate(changed));
            }
        }

        var line = parts.Count == 0 ? "saved without visible changes" : string.Join("; ", parts);
        line = char.ToUpperInvariant(line[0]) + line[1..];
        return line.Length <= MaxLength ? line : line[..(MaxLength - 1)] + "…";
    }

    private static string? Publication(ArticleSnapshot? before, ArticleSnapshot after)
    {
        var at = after.PublishedAt is { } time ? SiteClock.Iso(time) : "";
        if (before is null)
        {
            return after.Status switch
            {
                ArticleStatus.Published => "created and published",
                ArticleStatus.Scheduled => $"created, scheduled for {at}",
                _ => "created as a draft",
            };
        }

        return (before.Status, after.Status) switch
        {
            (ArticleStatus.Scheduled, ArticleStatus.Published) when before.PublishedAt == after.PublishedAt => "published as scheduled",
            (not ArticleStatus.Published, ArticleStatus.Published) => "published",
            (not ArticleStatus.Scheduled, ArticleStatus.Scheduled) => $"scheduled for {at}",
            (not ArticleStatus.Draft, ArticleStatus.Draft) => "unpublished (back to draft)",
            (ArticleStatus.Scheduled, ArticleStatus.Scheduled) when before.PublishedAt != after.PublishedAt => $"rescheduled for {at}",
            (ArticleStatus.Published, ArticleStatus.Published) when before.PublishedAt != after.PublishedAt => $"publication time set to {at}",
            _ => null,
        };
    }

    private static string Enumerate(List<string> items) => items.Count switch
    {
        1 => items[0],
        _ => string.Join(", ", items[..^1]) + " and " + items[^1],
    };
}
