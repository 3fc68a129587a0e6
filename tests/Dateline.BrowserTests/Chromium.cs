using Microsoft.Playwright;

namespace Dateline.BrowserTests;

/// <summary>Debian's Chromium, headless, as every browser fixture launches it; nothing is downloaded.</summary>
public static class Chromium
{
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        var executable = Environment.GetEnvironmentVariable("DATELINE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {executable} (apt-get install chromium), or DATELINE_CHROMIUM set; ./test.sh installs it.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
        });
    }
}
