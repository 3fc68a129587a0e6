using Dateline.Data;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dateline.Features.Settings;

/// <summary>Reads and saves the site settings rows, and hands what is stored to the overlay.</summary>
public sealed class SiteSettingsStore(DatelineDbContext db, SiteSettingsOverlay overlay, PageCache cache, IOptionsMonitor<DatelineOptions> options)
{
    /// <summary>What the site uses now: configuration with the stored values over it.</summary>
    public SiteSettings Current => SiteSettings.Of(options.CurrentValue);

    /// <summary>What configuration alone says, shown beside a stored value that overrides it.</summary>
    public SiteSettings Configured => SiteSettings.Of(options.Get(SiteSettingsOverlay.ConfiguredName));

    /// <summary>The keys whose stored value is in force.</summary>
    public IReadOnlyCollection<string> Overridden => [.. overlay.Rows.Keys];

    /// <summary>Reads the stored values; when they changed (here, or on another instance), every cached page goes.</summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        var read = overlay.BeginRead();
        var stored = await db.Settings.AsNoTracking()
            .Where(s => SiteSettings.Keys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, s => s.Value, StringComparer.Ordinal, ct);
        if (!overlay.Apply(stored, read))
        {
            return false;
        }

        await cache.EverythingChangedAsync(ct);
        return true;
    }

    /// <summary>
    /// Saves checked values. A value equal to the configured one is not stored, so that the field
    /// goes on following configuration; any other is stored and overrides it.
    /// </summary>
    public async Task SaveAsync(SiteSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configured = Configured.ToRows();
        foreach (var (key, value) in settings.ToRows())
        {
            if (string.Equals(value, configured[key], StringComparison.Ordinal))
            {
                await db.Settings.Where(s => s.Key == key).ExecuteDeleteAsync(ct);
            }
            else
            {
                await SettingRows.SetAsync(db, key, value, ct);
            }
        }

        // The title, tagline, language and time zone are on every page: a change evicts them all.
        await RefreshAsync(ct);
    }
}
