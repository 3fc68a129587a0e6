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
public sealed class CommentListHtml(CommentListView list, SiteClock clock) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        Write(writer, encoder, list);
    }

    private void Write(TextWriter writer, HtmlEncoder encoder, CommentListView view)
    {
        writer.Write("<ol class=\"comment-list\">\n");
        foreach (var c in view.Comments)
        {
            var id = c.Id.ToString(CultureInfo.InvariantCulture);
            writer.Write("<li id=\"comment-");
            writer.Write(id);
            writer.Write(c.IsStaff ? "\" class=\"comment comment-staff" : "\" class=\"comment");
            writer.Write(c.Removed ? " comment-removed\">\n" : "\">\n");
            if (c.Removed)
            {
                writer.Write("<p class=\"comment-body removed\">This comment was removed.</p>\n");
            }
            else
            {
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
                writer.Write(id);
                writer.Write("\"><time datetime=\"");
                writer.Write(SiteClock.Iso(c.CreatedAt));
                writer.Write("\">");
                encoder.Encode(writer, clock.Display(c.CreatedAt));
                writer.Write("</time></a>\n</header>\n");
                if (c.AwaitingModeration)
                {
                    writer.Write("<p class=\"awaiting-moderation\">Your comment is awaiting moderation.</p>\n");
                }

                writer.Write("<div class=\"comment-body\">");
                writer.Write(c.BodyHtml);
                writer.Write("</div>\n");
                if (view.CanReply && !c.AwaitingModeration)
                {
                    writer.Write("<a class=\"comment-reply\" href=\"?replyto=");
                    writer.Write(id);
                    writer.Write("#respond\" data-comment-id=\"");
                    writer.Write(id);
                    writer.Write("\">Reply</a>\n");
                }

                writer.Write("</article>\n");
            }

            if (c.Replies.Count > 0)
            {
                Write(writer, encoder, view.Replies(c));
            }

            writer.Write("</li>\n");
        }

        writer.Write("</ol>\n");
    }
}
