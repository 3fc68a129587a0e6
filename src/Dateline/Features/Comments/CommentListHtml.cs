using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Dateline.Features.Comments;

/// <summary>
/// A thread of comments as HTML, written straight to the page's writer. An article page can carry
/// hundreds of comments; as a Razor template the thread cost a buffered fragment per literal and
/// value (and its indentation as bytes on the wire), which made it the largest part of rendering
/// the page. Every value a reader typed is encoded here, as Razor would; the body is the HTML the
/// sanitizer produced when the comment was saved.
/// </summary>
/// <remarks>
/// Written asynchronously, the thread is flushed every <see cref="CommentsPerFlush"/> comments.
/// Razor writes the page through a buffer of pooled pages that it empties only at a flush; a
/// 500-comment thread held about 300 of them at once, more than the pool keeps, so each render
/// allocated most of its page again as garbage. Ids and times are formatted into one scratch
/// buffer rather than into a string each.
/// </remarks>
public sealed class CommentListHtml(CommentListView list, SiteClock clock, HtmlEncoder pageEncoder) : IHtmlAsyncContent
{
    /// <summary>About 25 KB of HTML between flushes on a typical thread.</summary>
    private const int CommentsPerFlush = 48;

    private const int IdLength = 11; // int.MinValue's digits and sign

    private const int IsoStart = SiteClock.DisplayLength;
    private const int IdStart = IsoStart + SiteClock.IsoLength;

    // One comment's display time, ISO time and id, each in its own stretch.
    private readonly char[] scratch = new char[IdStart + IdLength];
    private int sinceFlush;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        // Nothing here awaits unless it flushes, and only the asynchronous path flushes.
        var written = WriteListAsync(writer, encoder, list.Comments, list.Depth, flushes: false);
        if (!written.IsCompleted)
        {
            throw new InvalidOperationException("The comment thread's synchronous write awaited.");
        }

        written.GetAwaiter().GetResult(); // rethrows what the write threw, if anything
    }

    public async ValueTask WriteToAsync(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        await WriteListAsync(writer, pageEncoder, list.Comments, list.Depth, flushes: true);
    }

    private async ValueTask WriteListAsync(TextWriter writer, HtmlEncoder encoder, IReadOnlyList<CommentView> comments, int depth, bool flushes)
    {
        var canReply = list.CanReplyAt(depth);
        writer.Write("<ol class=\"comment-list\">\n");
        for (var i = 0; i < comments.Count; i++)
        {
            var c = comments[i];
            WriteComment(writer, encoder, c, canReply);
            if (c.Replies.Count > 0)
            {
                await WriteListAsync(writer, encoder, c.Replies, depth + 1, flushes);
            }

            writer.Write("</li>\n");
            if (flushes && ++sinceFlush == CommentsPerFlush)
            {
                sinceFlush = 0;
                await writer.FlushAsync();
            }
        }

        writer.Write("</ol>\n");
    }

    /// <summary>The comment's item up to its replies, which go inside it before its closing tag.</summary>
    private void WriteComment(TextWriter writer, HtmlEncoder encoder, CommentView c, bool canReply)
    {
        c.Id.TryFormat(scratch.AsSpan(IdStart), out var idLength, default, CultureInfo.InvariantCulture);
        writer.Write("<li id=\"comment-");
        writer.Write(scratch, IdStart, idLength);
        writer.Write(c.IsStaff ? "\" class=\"comment comment-staff" : "\" class=\"comment");
        writer.Write(c.Removed ? " comment-removed\">\n" : "\">\n");
        if (c.Removed)
        {
            writer.Write("<p class=\"comment-body removed\">This comment was removed.</p>\n");
            return;
        }

        writer.Write("<article>\n<header class=\"comment-meta\">\n<span class=\"comment-author\">");
        if (c.AuthorUrl is not null)
        {
            writer.Write("<a href=\"");
            encoder.Encode(writer, c.AuthorUrl);
            writer.Write("\" rel=\"nofollow ugc noopener\">");
            encoder.Encode(writer, c.AuthorName);
            writer.Write("</a>");
        }
        else
        {
            encoder.Encode(writer, c.AuthorName);
        }

        writer.Write("</span>\n");
        if (c.IsStaff)
        {
            writer.Write("<span class=\"staff-badge\">Staff</span>\n");
        }

        writer.Write("<a class=\"comment-permalink\" href=\"#comment-");
        writer.Write(scratch, IdStart, idLength);
        writer.Write("\"><time datetime=\"");
        writer.Write(scratch, IsoStart, SiteClock.FormatIso(c.CreatedAt, scratch.AsSpan(IsoStart, SiteClock.IsoLength)));
        writer.Write("\">");
        encoder.Encode(writer, scratch, 0, clock.FormatDisplay(c.CreatedAt, scratch.AsSpan(0, SiteClock.DisplayLength)));
        writer.Write("</time></a>\n</header>\n");
        if (c.AwaitingModeration)
        {
            writer.Write("<p class=\"awaiting-moderation\">Your comment is awaiting moderation.</p>\n");
        }

        writer.Write("<div class=\"comment-body\">");
        writer.Write(c.BodyHtml);
        writer.Write("</div>\n");
        if (canReply && !c.AwaitingModeration)
        {
            writer.Write("<a class=\"comment-reply\" href=\"?replyto=");
            writer.Write(scratch, IdStart, idLength);
            writer.Write("#respond\" data-comment-id=\"");
            writer.Write(scratch, IdStart, idLength);
            writer.Write("\">Reply</a>\n");
        }

        writer.Write("</article>\n");
    }
}
