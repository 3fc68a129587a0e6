using Dateline.Data;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Accounts;

/// <summary>Creates and revokes newsroom API keys, for the command line and the API keys page alike.</summary>
public sealed class ApiKeyIssuer(DatelineDbContext db, TimeProvider time)
{
    public const int NameLength = 200;

    /// <summary>Stores a new key's hash; returns the key itself, which exists nowhere else, or what was wrong by field.</summary>
    public async Task<(FieldErrors Errors, string? Key)> CreateAsync(string? name, string? role, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var checkedName = TextRules.Check(name, "name", NameLength, errors, required: true);
        if (role is null || !Roles.IsKnown(role))
        {
            errors.Add("role", $"Must be one of {string.Join(", ", Roles.All)}.");
        }

        if (!errors.IsEmpty)
        {
            return (errors, null);
        }

        var (key, prefix, hash) = ApiKeySecrets.Create();
        db.ApiKeys.Add(new ApiKey { Name = checkedName!, Role = role!, Prefix = prefix, SecretHash = hash, CreatedAt = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return (errors, key);
    }

    /// <summary>Stops a key from working from its next request on; false when there is no such key still working.</summary>
    public async Task<bool> RevokeAsync(int id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), ct) > 0;
    }
}
