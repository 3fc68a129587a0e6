using System.Security.Claims;

namespace Dateline.Features.Accounts;

/// <summary>Who is acting: a newsroom user ("user:…") or an API key ("key:…"), with their role.</summary>
public sealed record Actor(string Id, string Role)
{
    public bool Can(string capability) => Capabilities.Has(Role, capability);

    public static Actor From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new Actor(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            principal.FindFirstValue(ClaimTypes.Role) ?? "");
    }
}
