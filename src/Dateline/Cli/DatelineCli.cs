using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Options;

namespace Dateline.Cli;

/// <summary>
/// The command line, dispatched before any web host is built. Commands are thin: they parse,
/// call the same feature code the web app uses, and turn user errors into one line and exit 1.
/// </summary>
public static class DatelineCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Dateline: a news platform with reader comments. With no command, it serves the site.");
        var serve = ServeCommand.Create();
        foreach (var option in serve.Options)
        {
            root.Options.Add(option);
        }

        root.Action = serve.Action;
        root.TreatUnmatchedTokensAsErrors = false;
        root.Subcommands.Add(serve);
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(CommentsCommand.Create());

        var parse = root.Parse(args);
        var problem = parse.Errors.Select(e => e.Message).FirstOrDefault()
            ?? parse.UnmatchedTokens.Where(t => !t.StartsWith("--", StringComparison.Ordinal))
                .Select(t => $"'{t}' is not a command or argument here; see 'dateline --help'.").FirstOrDefault();
        if (problem is not null)
        {
            return Fail(problem);
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UserErrorException e)
        {
            return Fail(e.Message);
        }
        catch (OptionsValidationException e)
        {
            return Fail($"invalid configuration: {string.Join(" ", e.Failures)}");
        }
        catch (DbException e)
        {
            return Fail($"the database could not be used: {e.Message}");
        }
        catch (IOException e)
        {
            // An unusable data folder, or an address already in use.
            return Fail(e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(e.Message);
        }
    }

    /// <summary>A user error: one line on standard error, exit code 1.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine($"dateline: {message.ReplaceLineEndings(" ")}");
        return 1;
    }
}
