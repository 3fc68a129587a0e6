using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Dateline.Features.Accounts;

/// <summary>
/// Signing in to the newsroom with ASP.NET Core Identity's cookies, and the policies newsroom
/// pages ask for. Every page under /newsroom/ needs a signed-in user unless it says otherwise
/// with [AllowAnonymous], so that a new page is closed by default.
/// </summary>
public static class NewsroomAuthentication
{
    public const string MemberPolicy = "newsroom";
    public const string WriteArticlesPolicy = "newsroom:" + Capabilities.WriteArticles;
    public const string EditOthersArticlesPolicy = "newsroom:" + Capabilities.EditOthersArticles;
    public const string ModerateCommentsPolicy = "newsroom:" + Capabilities.ModerateComments;
    public const string ManageSitePolicy = "newsroom:" + Capabilities.ManageSite;

    public const string LoginPath = "/newsroom/login";

    public static IServiceCollection AddNewsroomAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        new IdentityBuilder(typeof(NewsroomUser), typeof(IdentityRole), services).AddSignInManager();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "dl_newsroom";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/newsroom/logout";
            o.AccessDeniedPath = "/newsroom/denied";
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.SlidingExpiration = true;
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        }

        // A changed role or a removed account reaches signed-in browsers within a minute, not
        // Identity's default half hour: the cookie is checked against the account that often.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // A mailed reset link works for three hours, not Identity's default day.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(3));
        services.AddAuthorizationBuilder()
            .AddPolicy(MemberPolicy, p => Cookie(p).RequireRole(Roles.All))
            .AddPolicy(WriteArticlesPolicy, p => Cookie(p).RequireRole(Capabilities.RolesWith(Capabilities.WriteArticles)))
            .AddPolicy(EditOthersArticlesPolicy, p => Cookie(p).RequireRole(Capabilities.RolesWith(Capabilities.EditOthersArticles)))
            .AddPolicy(ModerateCommentsPolicy, p => Cookie(p).RequireRole(Capabilities.RolesWith(Capabilities.ModerateComments)))
            .AddPolicy(ManageSitePolicy, p => Cookie(p).RequireRole(Capabilities.RolesWith(Capabilities.ManageSite)));
        return services;
    }

    private static AuthorizationPolicyBuilder Cookie(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser();

    /// <summary>Closes every newsroom page to strangers unless its model allows anonymous readers.</summary>
    public sealed class PageConvention : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model)
        {
            ArgumentNullException.ThrowIfNull(model);
            var newsroom = model.ActionDescriptor.AttributeRouteInfo?.Template is { } t
                && (t.Equals("newsroom", StringComparison.OrdinalIgnoreCase) || t.StartsWith("newsroom/", StringComparison.OrdinalIgnoreCase));
            if (newsroom && !model.HandlerType.IsDefined(typeof(AllowAnonymousAttribute), inherit: true))
            {
                model.EndpointMetadata.Add(new AuthorizeAttribute(MemberPolicy));
            }
        }
    }
}
