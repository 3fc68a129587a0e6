using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Dateline.Features.Accounts;

public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string WriteArticlesPolicy = "api:" + Capabilities.WriteArticles;
    public const string ModerateCommentsPolicy = "api:" + Capabilities.ModerateComments;
    public const string ManageSitePolicy = "api:" + Capabilities.ManageSite;

    public static IServiceCollection AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(WriteArticlesPolicy, p => Require(p, Capabilities.WriteArticles))
            .AddPolicy(ModerateCommentsPolicy, p => Require(p, Capabilities.ModerateComments))
            .AddPolicy(ManageSitePolicy, p => Require(p, Capabilities.ManageSite));
        return services;
    }

    private static void Require(AuthorizationPolicyBuilder policy, string capability) =>
        policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(Capabilities.RolesWith(capability));
}
