using Microsoft.Playwright;

namespace Dateline.BrowserTests;

/// <summary>
/// Where screenshots go: DATELINE_SCREENSHOTS, or TestResults/screenshots beside the test
/// assembly. They are for people to look at; no test compares pixels.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("DATELINE_SCREENSHOTS") is { Length: > 0 } folder
            ? folder
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    /// <summary>The whole page, however long, as name.png.</summary>
    public static Task<byte[]> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// The repository's docs/images folder when DATELINE_UPDATE_DOCS is set, so that a test run
    /// refreshes the README's pictures only when asked to; null otherwise.
    /// </summary>
    public static string? DocsImages()
    {
        if (Environment.GetEnvironmentVariable("DATELINE_UPDATE_DOCS") is not { Length: > 0 })
        {
            return null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dateline.slnx")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "docs", "images")).FullName;
            }
        }

        throw new InvalidOperationException("DATELINE_UPDATE_DOCS is set, but no Dateline.slnx was found above the test assembly.");
    }
}
