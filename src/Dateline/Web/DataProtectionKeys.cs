using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace Dateline.Web;

public static class DataProtectionKeys
{
    /// <summary>
    /// Keys for cookies and antiforgery tokens live in the data folder, so that a restart keeps
    /// sessions. The folder is read from the options when the keys are first needed.
    /// </summary>
    public static IServiceCollection AddDatelineDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Dateline");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(sp.GetRequiredService<IOptions<DatelineOptions>>().Value.FullDataDir, "keys")),
                sp.GetRequiredService<ILoggerFactory>())));
        return services;
    }
}
