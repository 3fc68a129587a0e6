using Microsoft.Extensions.DependencyInjection;

namespace Dateline.Tests;

/// <summary>Services that hold a <see cref="SiteClock"/> in one time zone, for code that shows times.</summary>
internal static class ClockServices
{
    public static ServiceProvider InZone(string zone)
    {
        var services = new ServiceCollection();
        services.AddOptions<DatelineOptions>().Configure(o => o.TimeZone = zone);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteClock>();
        return services.BuildServiceProvider();
    }
}
