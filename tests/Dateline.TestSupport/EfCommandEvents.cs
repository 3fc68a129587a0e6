using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dateline.TestSupport;

/// <summary>
/// Calls back, until disposed, as EF Core is about to run a database command and when it has run
/// one, in every app of this process. EF Core raises these events synchronously on the command's
/// own thread and async context, so a callback sees the <see cref="AsyncLocal{T}"/> values of
/// the request that runs the command (see <see cref="DatelineApp.PreserveExecutionContext"/>),
/// and a callback that waits holds the command where it is.
/// </summary>
public sealed class EfCommandEvents : IDisposable
{
    private readonly IDisposable subscription;

    /// <param name="executing">Called as a command is about to run.</param>
    /// <param name="executed">Called when a command has run.</param>
    /// <param name="commandText">Called with the text of a command about to run.</param>
    public EfCommandEvents(Action? executing = null, Action? executed = null, Action<string>? commandText = null) =>
        subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners(executing, executed, commandText));

    public void Dispose() => subscription.Dispose();

    private sealed class Listeners(Action? executing, Action? executed, Action<string>? commandText) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
            {
                value.Subscribe(new Events(executing, executed, commandText));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class Events(Action? executing, Action? executed, Action<string>? commandText) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name)
            {
                if (commandText is not null && value.Value is CommandEventData data)
                {
                    commandText(data.Command.CommandText);
                }

                executing?.Invoke();
            }
            else if (value.Key == RelationalEventId.CommandExecuted.Name)
            {
                executed?.Invoke();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
