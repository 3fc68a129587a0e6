using System.CommandLine;
using System.Text;
using Dateline.Features.Articles;
using Dateline.Features.Import;
using Dateline.Features.Import.Disqus;
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
        return new Command("import", "Import content.") { text, Wxr(), Disqus() };
    }

    private static Command Wxr()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A WordPress export (Tools → Export in WordPress), WXR 1.0 to 1.2" };
        var data = CommonOptions.Data();
        var media = new Option<DirectoryInfo?>("--media") { Description = "A copy of the site's wp-content/uploads folder: its images go into the media library" };
        var command = new Command("wxr", "Import a WordPress export: authors, posts, pages, categories, tags, featured images, comments and old addresses; a second run adds nothing.") { file, data, media };
        command.SetAction(async (parse, ct) =>
        {
            var path = Existing(parse.GetRequiredValue(file));
            if (parse.GetValue(media) is { Exists: false } missing)
            {
                throw new UserErrorException($"--media {missing.FullName}: no such folder.");
            }

            using var host = await CliHost.StartAsync(CommonOptions.Overrides(parse, data), ct);
            var importer = ActivatorUtilities.CreateInstance<WxrImporter>(host.Services);
            var started = DateTime.UtcNow;
            var report = await RunAsync(path, () => importer.ImportAsync(() => path.OpenRead(), parse.GetValue(media)?.FullName, new Progress<WxrImporter.Progress>(p =>
                Console.Error.WriteLine($"… {p.Items:N0} items read (line {p.Line:N0})")), ct));
            foreach (var problem in report.Problems)
            {
                Console.WriteLine($"problem: {problem}");
            }

            Console.WriteLine($"articles: {report.ArticlesAdded:N0} added, {report.ArticlesUpdated:N0} updated, {report.ArticlesUnchanged:N0} unchanged ({Counts(report.ArticlesByStatus)})");
            Console.WriteLine($"comments: {report.CommentsAdded:N0} added, {report.CommentsUpdated:N0} updated, {report.CommentsUnchanged:N0} unchanged ({Counts(report.CommentsByStatus)})");
            Console.WriteLine($"pages: {report.PagesAdded:N0} added, {report.PagesUpdated:N0} updated, {report.PagesUnchanged:N0} unchanged");
            Console.WriteLine($"authors: {report.AuthorsAdded:N0} added; newsroom accounts: {report.AccountsAdded:N0} added, without a password until each sets one (\"Forgot your password?\" at /newsroom/login){(report.AuthorsWithoutAccount > 0 ? $"; {report.AuthorsWithoutAccount:N0} without an e-mail address, so without an account" : "")}");
            Console.WriteLine($"old addresses: {report.OldAddresses:N0} added");
            if (parse.GetValue(media) is not null)
            {
                Console.WriteLine($"media: {report.MediaAdded:N0} added, {report.MediaUnchanged:N0} already in the library, {report.MediaMissing:N0} not in the folder, {report.MediaRefused:N0} refused (these keep their old URLs)");
            }

            Console.WriteLine($"not imported: {Counts(report.NotImported)}");
            Console.WriteLine($"problems: {report.Problems.Count:N0}; done in {(DateTime.UtcNow - started).TotalSeconds:N1} s");
            return 0;
        });
        return command;
    }

    private static Command Disqus()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A Disqus export (Admin → Moderation → Export), XML" };
        var data = CommonOptions.Data();
        var command = new Command("disqus", "Import a Disqus export into the comments of the articles its threads match; lists the threads that match none; a second run adds nothing.") { file, data };
        command.SetAction(async (parse, ct) =>
        {
            var path = Existing(parse.GetRequiredValue(file));
            using var host = await CliHost.StartAsync(CommonOptions.Overrides(parse, data), ct);
            var importer = ActivatorUtilities.CreateInstance<DisqusImporter>(host.Services);
            var started = DateTime.UtcNow;
            var report = await RunAsync(path, () => importer.ImportAsync(() => path.OpenRead(), new Progress<DisqusImporter.Progress>(p =>
                Console.Error.WriteLine($"… {p.Posts:N0} posts read (line {p.Line:N0})")), ct));
            foreach (var problem in report.Problems)
            {
                Console.WriteLine($"problem: {problem}");
            }

            foreach (var thread in report.Unmatched)
            {
                Console.WriteLine($"unmatched: thread {thread.Id} \"{thread.Title}\" {thread.Link ?? thread.Identifier ?? "(no link)"}: {Plural(thread.Comments, "comment")} not imported");
            }

            Console.WriteLine($"threads: {report.Threads:N0} in the file, {report.ThreadsMatched:N0} matched, {report.Unmatched.Count:N0} with comments unmatched");
            Console.WriteLine($"comments: {report.CommentsAdded:N0} added, {report.CommentsUpdated:N0} updated, {report.CommentsUnchanged:N0} unchanged ({Counts(report.CommentsByStatus)})");
            Console.WriteLine($"not imported: {report.InDeletedThreads:N0} in deleted threads, {report.Unmatched.Sum(t => t.Comments):N0} in unmatched threads");
            Console.WriteLine($"problems: {report.Problems.Count:N0}; done in {(DateTime.UtcNow - started).TotalSeconds:N1} s");
            return 0;
        });
        return command;
    }

    private static FileInfo Existing(FileInfo path) =>
        path.Exists ? path : throw new UserErrorException($"{path.FullName}: no such file.");

    // A file that is not the export expected stops the import before it writes anything.
    private static async Task<T> RunAsync<T>(FileInfo path, Func<Task<T>> import)
    {
        try
        {
            return await import();
        }
        catch (ImportFormatException e)
        {
            throw new UserErrorException($"{path.FullName}: {e.Message} Nothing was imported.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserErrorException($"{path.FullName}: permission denied.");
        }
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n:N0} {noun}s";

    private static string Counts(Dictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value:N0} {c.Key}"));

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
