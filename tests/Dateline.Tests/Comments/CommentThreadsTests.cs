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

    // The outline's page must be the page on which the reader finds the comment in the threads
    // the article page shows: checked against Shape and Slice on random forests with placeholders,
    // replies to hidden comments and loops, in both orders and for every comment.
    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 3)]
    [InlineData(true, 2)]
    [InlineData(true, 5)]
    public void TheOutlinesPageIsThePageThatShowsTheComment(bool newestFirst, int pageSize)
    {
        var random = new Random(20261129 + pageSize);
        var settings = new DiscussionSettings { NewestFirst = newestFirst, PageSize = pageSize };
        var checkedShown = 0;
        for (var round = 0; round < 300; round++)
        {
            var count = random.Next(1, 30);
            var outline = new List<CommentOutline>();
            for (var id = 1; id <= count; id++)
            {
                // Mostly replies to earlier comments; some to later ones or to comments not shown.
                int? parent = random.Next(4) switch
                {
                    0 => null,
                    1 => random.Next(1, count + 5),
                    _ => id > 1 ? random.Next(1, id) : null,
                };
                outline.Add(new CommentOutline(id, parent, random.Next(3) == 0));
            }

            var views = outline.Select(o => C(o.Id, o.ParentId) with { Removed = o.Removed }).ToList();
            var roots = CommentThreads.Shape(views);
            var (_, _, pages) = CommentPages.Slice(roots, settings, 1);
            var shownOn = new Dictionary<int, int>();
            for (var page = 1; page <= pages; page++)
            {
                foreach (var id in CommentPages.Slice(roots, settings, page).Page.SelectMany(Flatten).Select(c => c.Id))
                {
                    shownOn[id] = page;
                }
            }

            foreach (var comment in outline)
            {
                var expected = shownOn.GetValueOrDefault(comment.Id, 1);
                Assert.Equal(expected, CommentPages.PageOf(outline, comment.Id, settings));
                checkedShown += expected > 1 ? 1 : 0;
            }
        }

        // The random forests must reach past the first page, or the check proves little.
        Assert.True(pageSize > 3 || checkedShown > 100, $"only {checkedShown} comments past page 1");
    }

    private static IEnumerable<CommentView> Flatten(CommentView comment) => comment.Replies.SelectMany(Flatten).Prepend(comment);
}

