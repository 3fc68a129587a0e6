using System.CommandLine;
using System.Text;
using Dateline.Features.Articles;
using Dateline.Features.Import;
using Dateline.Features.Import.Wxr;

namespace Dateline.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A UTF-8 text file: headline first, paragraphs separated by blank lines" };
        var data = CommonOptions.Data();
        var text = new Command("text", "Import one plain-text article as a draft; prints what it dropped, then the article's id.") { file, data };
        text.SetAction(async (parse, ct) =>
        {
            var content = await ReadAsync(parse.GetRequiredValue(file), ct);
            using var host = await CliHost.StartAsync(CommonOptions.Overrides(parse, data), ct);
            using var scope = host.Services.CreateScope();
            var importer = ActivatorUtilities.CreateInstance<TextImporter>(scope.ServiceProvider);
            TextImportResult result;
            try
            {
                result = await importer.ImportAsync(content, TextImporter.CommandLine, ct);
            }
            catch (PlainTextImportException e)
            {
                throw new UserErrorException(e.Message);
            }

            if (result.Edit.Outcome != ArticleEditOutcome.Saved)
            {
                var errors = result.Edit.Errors?.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? [result.Edit.Message ?? "not saved"];
                throw new UserErrorException($"the article was not saved: {string.Join("; ", errors)}");
            }

            foreach (var line in result.Parsed.Dropped)
            {
                Console.WriteLine($"dropped: {line}");
            }

            Console.WriteLine($"Imported \"{result.Parsed.Headline}\" as a draft ({result.Parsed.Credits.Count} credits, {result.Parsed.Dropped.Count} lines dropped).");
            Console.WriteLine(result.Edit.Id);
            return 0;
        });
        return new Command("import", "Import content.") { text, Wxr() };
    }

    private static Command Wxr()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A WordPress export (Tools → Export in WordPress), WXR 1.0 to 1.2" };
        var data = CommonOptions.Data();
        var command = new Command("wxr", "Import a WordPress export: authors, posts, categories, tags, featured images, comments and old addresses; a second run adds nothing.") { file, data };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                throw new UserErrorException($"{path.FullName}: no such file.");
            }

            using var host = await CliHost.StartAsync(CommonOptions.Overrides(parse, data), ct);
            var importer = ActivatorUtilities.CreateInstance<WxrImporter>(host.Services);
            var started = DateTime.UtcNow;
            WxrImportReport report;
            try
            {
                report = await importer.ImportAsync(() => path.OpenRead(), new Progress<WxrImporter.Progress>(p =>
                    Console.Error.WriteLine($"… {p.Items:N0} items read (line {p.Line:N0})")), ct);
            }
            catch (WxrFormatException e)
            {
                throw new UserErrorException($"{path.FullName}: {e.Message} Nothing was imported.");
            }
            catch (UnauthorizedAccessException)
            {
                throw new UserErrorException($"{path.FullName}: permission denied.");
            }

            foreach (var problem in report.Problems)
            {
                Console.WriteLine($"problem: {problem}");
            }

            static string Counts(Dictionary<string, int> counts) =>
                counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value:N0} {c.Key}"));

            Console.WriteLine($"articles: {report.ArticlesAdded:N0} added, {report.ArticlesUpdated:N0} updated, {report.ArticlesUnchanged:N0} unchanged ({Counts(report.ArticlesByStatus)})");
            Console.WriteLine($"comments: {report.CommentsAdded:N0} added, {report.CommentsUpdated:N0} updated, {report.CommentsUnchanged:N0} unchanged ({Counts(report.CommentsByStatus)})");
            Console.WriteLine($"authors: {report.AuthorsAdded:N0} added");
            Console.WriteLine($"old addresses: {report.OldAddresses:N0} added");
            Console.WriteLine($"not imported: {Counts(report.NotImported)}");
            Console.WriteLine($"problems: {report.Problems.Count:N0}; done in {(DateTime.UtcNow - started).TotalSeconds:N1} s");
            return 0;
        });
        return command;
    }

    private static async Task<string> ReadAsync(FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new UserErrorException($"{file.FullName}: no such file.");
        }

        if (file.Length > TextImporter.MaxFileBytes)
        {
            throw new UserErrorException($"{file.FullName}: {file.Length:N0} bytes is too large for one article (at most {TextImporter.MaxFileBytes:N0}).");
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(file.FullName, ct);
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new UserErrorException($"{file.FullName}: not UTF-8 text; save it as UTF-8 and try again.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserErrorException($"{file.FullName}: permission denied.");
        }
    }
}
