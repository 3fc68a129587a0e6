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

    public EfCommandEvents(Action? executing = null, Action? executed = null) =>
        subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners(executing, executed));

    public void Dispose() => subscription.Dispose();

    private sealed class Listeners(Action? executing, Action? executed) : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
            {
                value.Subscribe(new Events(executing, executed));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class Events(Action? executing, Action? executed) : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name)
            {
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
