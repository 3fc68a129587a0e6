using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Dateline.Features.Comments;

/// <summary>
/// Lays a comment out the way readers expect from a blog: a blank line starts a new paragraph
/// and a single line break stays a line break. It works on the sanitized tree rather than the
/// text so that a blank line inside a reader's tag or attribute cannot split markup in two.
/// </summary>
internal static class CommentParagraphs
{
    private static readonly Regex BlankLines = new(
        @"\n[^\S\n]*\n\s*",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static void Apply(IElement container)
    {
        var document = container.Owner ?? throw new InvalidOperationException("The element must belong to a document.");
        var nodes = container.ChildNodes.ToArray();
        foreach (var node in nodes)
        {
            container.RemoveChild(node);
        }

        IElement? paragraph = null;
        foreach (var node in nodes)
        {
            if (node is IElement element && IsBlock(element))
            {
                Close(container, ref paragraph);
                if (element.LocalName == "blockquote")
                {
                    Apply(element);
                }
                else
                {
                    // An inline element wrapping a quote cannot sit in a paragraph; keep it as it is.
                    BreakLines(element);
                }

                container.AppendChild(element);
            }
            else if (node is IText text)
            {
                var parts = BlankLines.Split(text.Data);
                for (var i = 0; i < parts.Length; i++)
                {
                    if (i > 0)
                    {
                        Close(container, ref paragraph);
                    }

                    if (parts[i].Length > 0)
                    {
                        (paragraph ??= document.CreateElement("p")).AppendChild(document.CreateTextNode(parts[i]));
                    }
                }
            }
            else
            {
                (paragraph ??= document.CreateElement("p")).AppendChild(node);
            }
        }

        Close(container, ref paragraph);
    }

    private static bool IsBlock(IElement element) =>
        element.LocalName == "blockquote" || element.QuerySelector("blockquote") is not null;

    private static void Close(IElement container, ref IElement? paragraph)
    {
        if (paragraph is null)
        {
            return;
        }

        TrimEdges(paragraph);
        if (paragraph.HasChildNodes)
        {
            BreakLines(paragraph);
            container.AppendChild(paragraph);
        }

        paragraph = null;
    }

    /// <summary>Drops the whitespace the reader left around a paragraph, which would otherwise become stray line breaks.</summary>
    private static void TrimEdges(IElement paragraph)
    {
        while (paragraph.FirstChild is IText first)
        {
            first.Data = first.Data.TrimStart();
            if (first.Data.Length > 0)
            {
                break;
            }

            first.Remove();
        }

        while (paragraph.LastChild is IText last)
        {
            last.Data = last.Data.TrimEnd();
            if (last.Data.Length > 0)
            {
                break;
            }

            last.Remove();
        }
    }

    private static void BreakLines(IElement root)
    {
        var document = root.Owner ?? throw new InvalidOperationException("The element must belong to a document.");
        foreach (var text in root.Descendants<IText>().Where(t => t.Data.Contains('\n', StringComparison.Ordinal)).ToList())
        {
            var lines = text.Data.Split('\n');
            var pieces = new List<INode>(lines.Length * 2);
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    pieces.Add(document.CreateElement("br"));
                }

                if (lines[i].Length > 0)
                {
                    pieces.Add(document.CreateTextNode(lines[i]));
                }
            }

            text.Replace([.. pieces]);
        }
    }
}
