using Dateline.Data;
using Dateline.Features.Settings;
using Dateline.Web;

namespace Dateline.Cli;

/// <summary>A host for one command: the same services as the web app, quiet logging, a migrated database.</summary>
internal static class CliHost
{
    public static async Task<IHost> StartAsync(Dictionary<string, string?> overrides, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.ClearProviders();
        // Standard output belongs to the command's result (a key, an id); logs go to standard error.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDatelineCore(builder.Configuration);
        var host = builder.Build();
        await host.Services.MigrateDatabaseAsync(ct);
        await host.Services.LoadSiteSettingsAsync(ct);
        return host;
    }
}
