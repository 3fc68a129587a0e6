using System.Security.Claims;

namespace Dateline.Features.Accounts;

/// <summary>Who is acting: a newsroom user ("user:…") or an API key ("key:…"), with their role.</summary>
public sealed record Actor(string Id, string Role)
{
    public bool Can(string capability) => Capabilities.Has(Role, capability);

    public static Actor From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        // Identity's cookie carries the bare user id; API keys already say "key:…".
        if (id.Length > 0 && principal.Identity?.AuthenticationType == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            id = "user:" + id;
        }

        return new Actor(id, principal.FindFirstValue(ClaimTypes.Role) ?? "");
    }
}
