using System.Security.Cryptography;
using Dateline.Data;
using Dateline.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Accounts;

/// <summary>
/// The one-time secret that lets the first visitor create the first admin. Only its hash is kept,
/// and it is good until an admin exists or it expires.
/// </summary>
public static class SetupToken
{
    public const string HashKey = "setup.tokenHash";
    public const string ExpiresKey = "setup.expiresAt";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    /// <summary>Issues a new token when the site has no users; returns null when it has some.</summary>
    public static async Task<string?> IssueIfNeededAsync(DatelineDbContext db, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Users.AnyAsync(ct))
        {
            return null;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await SettingRows.SetAsync(db, ExpiresKey, now.Add(Lifetime).ToString("O", System.Globalization.CultureInfo.InvariantCulture), ct);
        await SettingRows.SetAsync(db, HashKey, Convert.ToHexStringLower(ApiKeySecrets.Hash(token)), ct);
        return token;
    }

    public static async Task<bool> IsValidAsync(DatelineDbContext db, string? token, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(token) || await db.Users.AnyAsync(ct))
        {
            return false;
        }

        var settings = await db.Settings.AsNoTracking().Where(s => s.Key == HashKey || s.Key == ExpiresKey).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return settings.TryGetValue(HashKey, out var hash) && settings.TryGetValue(ExpiresKey, out var expires)
            && DateTime.TryParse(expires, null, System.Globalization.DateTimeStyles.RoundtripKind, out var expiry) && expiry > now
            && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hash), ApiKeySecrets.Hash(token));
    }

    /// <summary>Spends the token: once the first admin exists, the link must not work again.</summary>
    public static Task RevokeAsync(DatelineDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Settings.Where(s => s.Key == HashKey || s.Key == ExpiresKey).ExecuteDeleteAsync(ct);
    }
}
