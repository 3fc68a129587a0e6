using Dateline.Data;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Settings;

/// <summary>Writing single Settings rows.</summary>
public static class SettingRows
{
    /// <summary>An upsert that tolerates another instance writing the same key at the same moment.</summary>
    public static async Task SetAsync(DatelineDbContext db, string key, string value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Settings.Where(s => s.Key == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, value), ct) > 0)
        {
            return;
        }

        var setting = new Setting { Key = key, Value = value };
        db.Settings.Add(setting);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.Entry(setting).State = EntityState.Detached;
            await db.Settings.Where(s => s.Key == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, value), ct);
        }
    }
}
