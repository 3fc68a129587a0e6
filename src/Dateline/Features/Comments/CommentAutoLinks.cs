using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Dateline.Features.Comments;

/// <summary>Turns URLs that readers type as plain text into links.</summary>
internal static class CommentAutoLinks
{
    // Non-backtracking: the text is the reader's, and a crafted comment must not cost seconds.
    private static readonly Regex Candidate = new(
        @"(?:https?://|www\.)[^\s\p{Cc}<>""`]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>Links URLs in every text node below <paramref name="root"/> that is not already inside a link or code.</summary>
    public static void Apply(IElement root)
    {
        var document = root.Owner ?? throw new InvalidOperationException("The element must belong to a document.");
        foreach (var text in LinkableTextNodes(root))
        {
            Link(document, text);
        }
    }

    private static List<IText> LinkableTextNodes(IElement root)
    {
        var found = new List<IText>();
        var pending = new Stack<INode>(root.ChildNodes);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is IText text)
            {
                found.Add(text);
            }
            else if (node is IElement { LocalName: not ("a" or "code") } element)
            {
                foreach (var child in element.ChildNodes)
                {
                    pending.Push(child);
                }
            }
        }

        return found;
    }

    private static void Link(IDocument document, IText text)
    {
        var data = text.Data;
        var pieces = new List<INode>();
        var copied = 0;
        foreach (var match in Candidate.EnumerateMatches(data))
        {
            var url = Trim(data.AsSpan(match.Index, match.Length));
            if (!IsLinkable(data, match.Index, url))
            {
                continue;
            }

            if (match.Index > copied)
            {
                pieces.Add(document.CreateTextNode(data[copied..match.Index]));
            }

            var shown = url.ToString();
            var link = document.CreateElement("a");
            link.SetAttribute("href", shown.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + shown : shown);
            link.SetAttribute("rel", CommentUrls.LinkRel);
            link.TextContent = shown;
            pieces.Add(link);
            copied = match.Index + url.Length;
        }

        if (pieces.Count == 0)
        {
            return;
        }

        if (copied < data.Length)
        {
            pieces.Add(document.CreateTextNode(data[copied..]));
        }

        text.Replace([.. pieces]);
    }

    private static bool IsLinkable(string data, int start, ReadOnlySpan<char> url)
    {
        var www = url.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (start > 0)
        {
            // "xhttp://" or "foo.www.example" or "me@www.example" is not the start of a URL.
            var before = data[start - 1];
            if (char.IsLetterOrDigit(before) || (www && (before is '.' or '-' or '_' or '/' or '@' or ':')))
            {
                return false;
            }
        }

        var host = www ? "www.".Length : url.IndexOf("//", StringComparison.Ordinal) + 2;
        return url.Length > host && char.IsLetterOrDigit(url[host]);
    }

    /// <summary>
    /// Drops the punctuation that ends the sentence around a URL, not the URL itself; a closing
    /// bracket stays when it closes one opened inside the URL, as in Wikipedia's Foo_(bar).
    /// </summary>
    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> url)
    {
        var unclosedParens = url.Count('(') - url.Count(')');
        var unclosedBrackets = url.Count('[') - url.Count(']');
        while (url.Length > 0)
        {
            var last = url[^1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*' or '…' or '。' or '、' or '，' or '！' or '？' or '’' or '”' or '»')
            {
                url = url[..^1];
            }
            else if (last == ')' && unclosedParens < 0)
            {
                url = url[..^1];
                unclosedParens++;
            }
            else if (last == ']' && unclosedBrackets < 0)
            {
                url = url[..^1];
                unclosedBrackets++;
            }
            else
            {
                break;
            }
        }

        return url;
    }
}
