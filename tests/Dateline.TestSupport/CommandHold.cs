namespace Dateline.TestSupport;

/// <summary>
/// Stops the first database command of one flow where it is until released, so that a test can
/// run something else in the middle of it. Call <see cref="HoldFirst"/> from an
/// <see cref="EfCommandEvents"/> callback, for the flow the test marked.
/// </summary>
public sealed class CommandHold : IDisposable
{
    private int taken;

    public ManualResetEventSlim Entered { get; } = new();

    public ManualResetEventSlim Release { get; } = new();

    /// <summary>The first call waits for <see cref="Release"/> (a minute at most); later calls go on.</summary>
    public void HoldFirst()
    {
        if (Interlocked.Exchange(ref taken, 1) == 0)
        {
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(60));
        }
    }

    /// <summary>Waits until the held command has arrived; false if it did not within half a minute.</summary>
    public bool WaitEntered() => Entered.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);

    public void Dispose()
    {
        Entered.Dispose();
        Release.Dispose();
    }
}
