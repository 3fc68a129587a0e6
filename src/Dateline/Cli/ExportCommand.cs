using System.CommandLine;
using Dateline.Features.Import.Wxr;

namespace Dateline.Cli;

/// <summary>`export wxr FILE`: the whole site as a WordPress export, for leaving or for a copy.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the export (replaced if it exists)" };
        var data = CommonOptions.Data();
        var wxr = new Command("wxr", "Write the whole site as WXR 1.2: articles as posts, authors, sections as categories, topics as tags, lead images, comments with status and threads.") { file, data };
        wxr.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (path.Directory is { Exists: false } folder)
            {
                throw new UserErrorException($"{folder.FullName}: no such folder.");
            }

            using var host = await CliHost.StartAsync(CommonOptions.Overrides(parse, data), ct);
            using var scope = host.Services.CreateScope();
            var exporter = ActivatorUtilities.CreateInstance<WxrExporter>(scope.ServiceProvider);

            // Written beside the target and moved over it at the end, so that a failed export
            // never leaves half a file where a good one was.
            var temporary = Path.Combine(path.DirectoryName ?? ".", $".{path.Name}.{Guid.NewGuid():N}.tmp");
            WxrExporter.Report report;
            try
            {
                await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                {
                    report = await exporter.ExportAsync(stream, ct);
                }

                File.Move(temporary, path.FullName, overwrite: true);
            }
            catch (UnauthorizedAccessException)
            {
                throw new UserErrorException($"{path.FullName}: permission denied.");
            }
            finally
            {
                File.Delete(temporary);
            }

            if (report.SiteUrlMissing)
            {
                Console.Error.WriteLine($"note: no site URL is set (Dateline:SiteUrl, or the newsroom's site settings), so links in the export use {WxrExporter.FallbackSiteUrl}.");
            }

            var articles = report.Articles.Count == 0 ? "" : $" ({string.Join(", ", report.Articles.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Value:N0} {a.Key}"))})";
            Console.WriteLine($"articles: {report.Articles.Values.Sum():N0}{articles}");
            Console.WriteLine($"comments: {report.Comments:N0}");
            Console.WriteLine($"pages: {report.Pages:N0}");
            Console.WriteLine($"authors: {report.Authors:N0}; sections: {report.Sections:N0}; topics: {report.Topics:N0}; lead images: {report.Images:N0}");
            Console.WriteLine($"written to {path.FullName} ({new FileInfo(path.FullName).Length:N0} bytes)");
            return 0;
        });
        return new Command("export", "Export content.") { wxr };
    }
}
