using Dateline.Features.Comments;

namespace Dateline.Tests.Comments;

public sealed class CommentThreadsTests
{
    private static CommentView C(int id, int? parent) => new(id, parent, $"N{id}", null, "", DateTime.UnixEpoch.AddMinutes(id), false);

    [Fact]
    public void RepliesNestUnderTheirParentsInOrder()
    {
        var roots = CommentThreads.Thread([C(1, null), C(2, 1), C(3, null), C(4, 2), C(5, 1)]);
        Assert.Equal([1, 3], roots.Select(c => c.Id));
        Assert.Equal([2, 5], roots[0].Replies.Select(c => c.Id));
        Assert.Equal([4], roots[0].Replies[0].Replies.Select(c => c.Id));
    }

    [Fact]
    public void ReplyToAHiddenCommentStaysVisibleAtTheTop()
    {
        var roots = CommentThreads.Thread([C(1, null), C(7, 99)]);
        Assert.Equal([1, 7], roots.Select(c => c.Id));
    }
}
