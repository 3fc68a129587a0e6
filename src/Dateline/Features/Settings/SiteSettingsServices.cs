using Microsoft.Extensions.Options;

namespace Dateline.Features.Settings;

public static class SiteSettingsServices
{
    /// <summary>
    /// The overlay of stored site settings on <see cref="DatelineOptions"/>, for the web app and the
    /// command line alike. Code that must see a change reads <see cref="IOptionsMonitor{TOptions}"/>;
    /// <see cref="IOptions{TOptions}"/> keeps the first value it saw.
    /// </summary>
    public static IServiceCollection AddSiteSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatelineOptions>(SiteSettingsOverlay.ConfiguredName).Bind(configuration.GetSection(DatelineOptions.Section));
        services.AddSingleton<SiteSettingsOverlay>();
        services.AddSingleton<IPostConfigureOptions<DatelineOptions>>(sp => sp.GetRequiredService<SiteSettingsOverlay>());
        services.AddSingleton<IOptionsChangeTokenSource<DatelineOptions>>(sp => sp.GetRequiredService<SiteSettingsOverlay>());
        services.AddScoped<SiteSettingsStore>();
        return services;
    }

    /// <summary>Loads the stored values once, for a host that is never started (a command).</summary>
    public static async Task LoadSiteSettingsAsync(this IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SiteSettingsStore>().RefreshAsync(ct);
    }

    /// <summary>Keeps the stored values current in a server; add it after the migrator.</summary>
    public static IServiceCollection AddSiteSettingsRefresher(this IServiceCollection services) =>
        services.AddHostedService<SiteSettingsRefresher>();
}
