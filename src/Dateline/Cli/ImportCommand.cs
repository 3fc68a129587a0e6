using System.CommandLine;
using System.Text;
using Dateline.Features.Articles;
using Dateline.Features.Import;

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
        return new Command("import", "Import content.") { text };
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
