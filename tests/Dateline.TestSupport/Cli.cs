using System.Diagnostics;

namespace Dateline.TestSupport;

/// <summary>Runs the built dateline executable as a user would, in a child process.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string LastLine => Output.TrimEnd().Split('\n')[^1].Trim();
    }

    public static Task<Result> RunAsync(TestDatabase database, string? input, params string[] args) =>
        RunAsync(database, input, new Dictionary<string, string?>(), args);

    /// <summary>Runs a command with extra environment variables (settings in their environment form).</summary>
    public static async Task<Result> RunAsync(TestDatabase database, string? input, Dictionary<string, string?> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        using var process = Start(database, environment, args);
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the executable with the database's settings; the caller reads and ends it.</summary>
    public static Process Start(TestDatabase database, params string[] args) => Start(database, new Dictionary<string, string?>(), args);

    public static Process Start(TestDatabase database, Dictionary<string, string?> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = database.DataDir,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dateline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in database.EnvironmentVariables().Concat(environment))
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }
}
