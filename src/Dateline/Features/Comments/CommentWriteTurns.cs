namespace Dateline.Features.Comments;

/// <summary>
/// Lets this instance's comment posts write to SQLite one at a time, in the order they arrive.
/// SQLite has one write lock; a writer that finds it taken sleeps in SQLite's busy handler (1, 2,
/// 5, 10 … up to 100 ms a try) while newcomers can take the lock first, so under a burst a few
/// posts waited over a second (p99 1.1 s at 330 posts a second). Waiting here is asynchronous,
/// holds no thread and no lock, and is first come, first served. Other writers (moderation,
/// the mail outbox, another process) still meet SQLite's own handler. PostgreSQL needs none of it.
/// </summary>
public sealed class CommentWriteTurns : IDisposable
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public void Dispose() => turn.Dispose();

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await turn.WaitAsync(ct);
        return new Leave(turn);
    }

    private sealed class Leave(SemaphoreSlim turn) : IDisposable
    {
        private int left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref left, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
