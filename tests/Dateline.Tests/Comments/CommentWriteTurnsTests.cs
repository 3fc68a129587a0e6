using Dateline.Features.Comments;

namespace Dateline.Tests.Comments;

public sealed class CommentWriteTurnsTests
{
    [Fact]
    public async Task PostsWriteOneAtATimeInTheOrderTheyArrive()
    {
        using var turns = new CommentWriteTurns();
        var first = await turns.EnterAsync(CancellationToken.None);
        var second = turns.EnterAsync(CancellationToken.None);
        var third = turns.EnterAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);

        first.Dispose();
        // Leaving twice must not let two writers in at once.
        first.Dispose();
        var secondTurn = await second;
        Assert.False(third.IsCompleted);

        secondTurn.Dispose();
        (await third).Dispose();
    }

    [Fact]
    public async Task AWaitingPostThatIsCancelledGivesUpItsPlace()
    {
        using var turns = new CommentWriteTurns();
        var first = await turns.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = turns.EnterAsync(cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        first.Dispose();
        (await turns.EnterAsync(CancellationToken.None)).Dispose();
    }
}
