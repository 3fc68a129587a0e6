using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dateline.TestSupport;

/// <summary>Keeps every log line the app writes at Information or above, so that tests can read them.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName, lines);

    /// <summary>
    /// Runs a test's steps; when one fails, the failure also carries what the app logged as a
    /// warning or worse (an error page in a browser says nothing of its cause).
    /// </summary>
    public async Task ShowProblemsOnFailureAsync(Func<Task> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        try
        {
            await steps();
        }
        catch (Exception e)
        {
            var problems = lines.Where(l => l.StartsWith("Warning ", StringComparison.Ordinal) || l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
            // Each request's start and end, where the app logs them (Microsoft.AspNetCore.Hosting
            // at Information): a request that never ended shows as a start without its end.
            var requests = lines.Where(l => l.Contains(" Microsoft.AspNetCore.Hosting.Diagnostics: ", StringComparison.Ordinal)).TakeLast(60).ToList();
            throw new Xunit.Sdk.XunitException(
                $"{e.Message}\nWarnings and errors the app logged ({problems.Count}):\n{string.Join("\n", problems)}\n"
                + (requests.Count > 0 ? $"The app's last requests:\n{string.Join("\n", requests)}\n" : "")
                + e.StackTrace);
        }
    }

    public void Dispose()
    {
    }

    private sealed class SinkLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                ArgumentNullException.ThrowIfNull(formatter);
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
