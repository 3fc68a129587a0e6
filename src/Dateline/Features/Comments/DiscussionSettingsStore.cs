using System.Text.Json;
using Dateline.Data;
using Dateline.Features.Settings;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments;

/// <summary>
/// Reads and saves <see cref="DiscussionSettings"/> as one JSON setting. What was read is kept in
/// memory (<see cref="DiscussionSettingsMemo"/>): every article page and every post needs it, and
/// it changes rarely. A save here applies at once; a save on another instance sharing the
/// database arrives with the next refresh (<see cref="RefreshAsync"/>, every few seconds, with
/// the site settings), which then evicts the cached pages, as a change of the site settings does.
/// </summary>
public sealed class DiscussionSettingsStore(DatelineDbContext db, PageCache cache, DiscussionSettingsMemo memo)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DiscussionSettings> GetAsync(CancellationToken ct) =>
        memo.Current?.Settings ?? (await ReadAsync(ct)).Read.Settings;

    /// <summary>Reads the stored settings again; when they changed since the last read, every cached page goes.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        var (read, taken, replaced) = await ReadAsync(ct);
        if (!taken || replaced is null || string.Equals(replaced.Stored, read.Stored, StringComparison.Ordinal))
        {
            return false;
        }

        await cache.EverythingChangedAsync(ct);
        return true;
    }

    /// <summary>Reads the stored settings and offers them to the memo (see <see cref="DiscussionSettingsMemo.Offer"/>).</summary>
    private async Task<(DiscussionSettingsMemo.Entry Read, bool Taken, DiscussionSettingsMemo.Entry? Replaced)> ReadAsync(CancellationToken ct)
    {
        var ticket = memo.BeginRead();
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == DiscussionSettings.Key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        var entry = new DiscussionSettingsMemo.Entry(value, Parse(value));
        var taken = memo.Offer(entry, ticket, out var replaced);
        return (entry, taken, replaced);
    }

    private static DiscussionSettings Parse(string? value) =>
        value is null ? new DiscussionSettings() : JsonSerializer.Deserialize<DiscussionSettings>(value, Json) ?? new DiscussionSettings();

    public async Task SaveAsync(DiscussionSettings settings, CancellationToken ct)
    {
        var value = JsonSerializer.Serialize(settings, Json);
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == DiscussionSettings.Key, ct);
        if (row is null)
        {
            db.Settings.Add(new Setting { Key = DiscussionSettings.Key, Value = value });
        }
        else
        {
            row.Value = value;
        }

        await db.SaveChangesAsync(ct);
        // Numbered after the commit: a refresh that began reading before it cannot replace this.
        memo.Offer(new DiscussionSettingsMemo.Entry(value, Parse(value)), memo.BeginRead(), out _);
        // Page size, order, depth and open or closed shape every article page.
        await cache.EverythingChangedAsync(ct);
    }

    public static void Validate(DiscussionSettings settings, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(errors);
        Range(settings.CloseAfterDays, 0, 36_500, "closeAfterDays", errors);
        Range(settings.HoldLinkCount, 0, 1000, "holdLinkCount", errors);
        Range(settings.ThreadDepth, 1, 10, "threadDepth", errors);
        Range(settings.PageSize, 1, 500, "pageSize", errors);
        Range(settings.FloodSeconds, 0, 3600, "floodSeconds", errors);
        Range(settings.MinimumSecondsToSubmit, 0, 600, "minimumSecondsToSubmit", errors);
        Range(settings.EraseIpAfterDays, 1, 3650, "eraseIpAfterDays", errors);
        Words(settings.HoldWords, "holdWords", errors);
        Words(settings.DenyWords, "denyWords", errors);
    }

    private static void Range(int value, int min, int max, string field, FieldErrors errors)
    {
        if (value < min || value > max)
        {
            errors.Add(field, $"Must be between {min} and {max}.");
        }
    }

    private static void Words(IReadOnlyList<string>? words, string field, FieldErrors errors)
    {
        if (words is null)
        {
            errors.Add(field, "Must be a list of words (it may be empty).");
            return;
        }

        if (words.Count > 5000)
        {
            errors.Add(field, "At most 5,000 entries.");
        }

        for (var i = 0; i < words.Count; i++)
        {
            TextRules.Check(words[i], $"{field}[{i}]", 200, errors, required: true);
        }
    }
}

/// <summary>The discussion settings last read or saved in this process (a singleton).</summary>
public sealed class DiscussionSettingsMemo
{
    private readonly Lock gate = new();
    private volatile Entry? current;
    private long reads;
    private long readInForce;

    /// <summary>Null until the settings were first read.</summary>
    public Entry? Current => current;

    /// <summary>Numbers a read of the stored settings (or a save); take it just before reading (after saving).</summary>
    public long BeginRead() => Interlocked.Increment(ref reads);

    /// <summary>
    /// Takes what a read numbered <paramref name="read"/> found, unless a later read's is in force
    /// already: the periodic refresh may read just before a save commits and finish after the save,
    /// and must not put the old settings back then. Returns whether it was taken, and what it replaced.
    /// </summary>
    public bool Offer(Entry entry, long read, out Entry? replaced)
    {
        lock (gate)
        {
            replaced = current;
            if (read < readInForce)
            {
                return false;
            }

            readInForce = read;
            current = entry;
            return true;
        }
    }

    /// <summary>The stored JSON (null when nothing is stored) and the settings it gives.</summary>
    public sealed record Entry(string? Stored, DiscussionSettings Settings);
}
