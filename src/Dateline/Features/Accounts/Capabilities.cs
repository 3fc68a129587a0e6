using System.Collections.Frozen;

namespace Dateline.Features.Accounts;

/// <summary>
/// What each role may do, after WordPress's roles. Code asks for a capability, never for a role,
/// so that the mapping lives here alone.
/// </summary>
public static class Capabilities
{
    public const string WriteArticles = nameof(WriteArticles);
    public const string PublishArticles = nameof(PublishArticles);
    public const string EditOthersArticles = nameof(EditOthersArticles);
    public const string ModerateComments = nameof(ModerateComments);
    public const string ManageSite = nameof(ManageSite);

    private static readonly FrozenDictionary<string, FrozenSet<string>> ByRole = new Dictionary<string, FrozenSet<string>>
    {
        [Roles.Admin] = FrozenSet.Create(WriteArticles, PublishArticles, EditOthersArticles, ModerateComments, ManageSite),
        [Roles.Editor] = FrozenSet.Create(WriteArticles, PublishArticles, EditOthersArticles, ModerateComments),
        [Roles.Author] = FrozenSet.Create(WriteArticles, PublishArticles),
        [Roles.Contributor] = FrozenSet.Create(WriteArticles),
        [Roles.Moderator] = FrozenSet.Create(ModerateComments),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool Has(string? role, string capability) =>
        role is not null && ByRole.TryGetValue(role, out var capabilities) && capabilities.Contains(capability);

    /// <summary>The roles that carry a capability, for authorization policies.</summary>
    public static string[] RolesWith(string capability) =>
        ByRole.Where(r => r.Value.Contains(capability)).Select(r => r.Key).ToArray();
}
