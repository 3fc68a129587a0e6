using System.Text;
using System.Text.Encodings.Web;
using Dateline.Features.Comments;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.Tests.Comments;

public sealed class CommentListHtmlTests
{
    private static readonly DateTime At = new(2026, 9, 30, 6, 15, 9, DateTimeKind.Utc);

    [Fact]
    public async Task EachKindOfCommentReadsAsTheTemplateDid()
    {
        using var services = ClockServices.InZone("Asia/Kathmandu");
        var clock = services.GetRequiredService<SiteClock>();
        var comment = new CommentView(42, null, "Zoë \"<b>\" & Co", "https://example.org/?a=1&b=<2>", "<p>Rye is back.</p>", At, true);
        comment.Replies.Add(new CommentView(43, 42, "Tom", null, "<p>Good.</p>", At.AddMinutes(1), false) { AwaitingModeration = true });
        var removed = new CommentView(44, null, "", null, "", At.AddMinutes(2), false) { Removed = true };
        removed.Replies.Add(new CommentView(45, 44, "Ann", null, "<p>Still here.</p>", At.AddMinutes(3), false));
        var view = new CommentListView([comment, removed], 1, 2);

        var expected = """
            <ol class="comment-list">
            <li id="comment-42" class="comment comment-staff">
            <article>
            <header class="comment-meta">
            <span class="comment-author"><a href="https://example.org/?a=1&amp;b=&lt;2&gt;" rel="nofollow ugc noopener">Zo&#xEB; &quot;&lt;b&gt;&quot; &amp; Co</a></span>
            <span class="staff-badge">Staff</span>
            <a class="comment-permalink" href="#comment-42"><time datetime="2026-09-30T06:15:09Z">September 30, 2026, 12:00 PM UTC&#x2B;05:45</time></a>
            </header>
            <div class="comment-body"><p>Rye is back.</p></div>
            <a class="comment-reply" href="?replyto=42#respond" data-comment-id="42">Reply</a>
            </article>
            <ol class="comment-list">
            <li id="comment-43" class="comment">
            <article>
            <header class="comment-meta">
            <span class="comment-author">Tom</span>
            <a class="comment-permalink" href="#comment-43"><time datetime="2026-09-30T06:16:09Z">September 30, 2026, 12:01 PM UTC&#x2B;05:45</time></a>
            </header>
            <p class="awaiting-moderation">Your comment is awaiting moderation.</p>
            <div class="comment-body"><p>Good.</p></div>
            </article>
            </li>
            </ol>
            </li>
            <li id="comment-44" class="comment comment-removed">
            <p class="comment-body removed">This comment was removed.</p>
            <ol class="comment-list">
            <li id="comment-45" class="comment">
            <article>
            <header class="comment-meta">
            <span class="comment-author">Ann</span>
            <a class="comment-permalink" href="#comment-45"><time datetime="2026-09-30T06:18:09Z">September 30, 2026, 12:03 PM UTC&#x2B;05:45</time></a>
            </header>
            <div class="comment-body"><p>Still here.</p></div>
            </article>
            </li>
            </ol>
            </li>
            </ol>

            """.ReplaceLineEndings("\n");
        Assert.Equal(expected, Sync(view, clock));
        var writer = new FlushCountingWriter();
        await new CommentListHtml(view, clock, HtmlEncoder.Default).WriteToAsync(writer);
        Assert.Equal(expected, writer.ToString());
    }

    [Fact]
    public async Task TheLongThreadIsFlushedAsItIsWrittenAndReadsTheSame()
    {
        using var services = ClockServices.InZone("UTC");
        var clock = services.GetRequiredService<SiteClock>();
        // 144 comments (three flushes' worth): 48 threads of three, each a comment, a reply and a
        // reply to the reply, with one removed comment kept for its reply.
        var threads = new List<CommentView>();
        for (var i = 0; i < 48; i++)
        {
            var top = new CommentView(i * 3 + 1, null, $"Reader {i}", null, $"<p>{i}</p>", At.AddMinutes(i), false) { Removed = i == 7 };
            var reply = new CommentView(i * 3 + 2, top.Id, "Reply", null, "<p>r</p>", At.AddMinutes(i).AddSeconds(1), false);
            reply.Replies.Add(new CommentView(i * 3 + 3, reply.Id, "Deep", null, "<p>d</p>", At.AddMinutes(i).AddSeconds(2), false));
            top.Replies.Add(reply);
            threads.Add(top);
        }

        foreach (var open in new[] { true, false })
        {
            var view = new CommentListView(threads, 1, 3) { Open = open };
            var writer = new FlushCountingWriter();
            await new CommentListHtml(view, clock, HtmlEncoder.Default).WriteToAsync(writer);

            Assert.Equal(Sync(view, clock), writer.ToString());
            Assert.Equal(3, writer.Flushes);
            Assert.Equal(144, CountOf(writer.ToString(), "<li id=\"comment-"));
            Assert.Equal(1, CountOf(writer.ToString(), "This comment was removed."));
            // Reply links stop below the second level, and nowhere once the article is closed.
            Assert.Equal(open ? 47 + 48 : 0, CountOf(writer.ToString(), "class=\"comment-reply\""));
        }
    }

    private static string Sync(CommentListView view, SiteClock clock)
    {
        using var writer = new StringWriter();
        new CommentListHtml(view, clock, HtmlEncoder.Default).WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed class FlushCountingWriter : StringWriter
    {
        public int Flushes { get; private set; }

        public override Task FlushAsync()
        {
            Flushes++;
            return base.FlushAsync();
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
