using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Dateline.Features.Import.Disqus;

/// <summary>
/// Reads a Disqus export as a stream of its top-level elements (threads and posts). Real exports
/// are not always well-formed: one broken post would make a strict XML parser throw away every
/// comment after it. So the file is cut into elements by their tags first, and each element is
/// then parsed on its own, under the root's namespaces; a broken one becomes a
/// <see cref="DisqusBadRecord"/> with its line, and the rest of the file is still read.
/// </summary>
public sealed partial class DisqusReader : IDisposable
{
    private const string InternalsNs = "http://disqus.com/disqus-internals";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
    };

    private readonly TextReader text;
    private readonly StringBuilder markup = new();
    private int line = 1;
    private string? root;
    private string rootName = "disqus";

    public DisqusReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>The line reached, for progress.</summary>
    public int Line => line;

    /// <summary>Threads, posts and bad records in file order; throws <see cref="ImportFormatException"/> when the file is not a Disqus export.</summary>
    public IEnumerable<DisqusRecord> Records()
    {
        var chunk = new StringBuilder();
        string? element = null;
        var start = 0;
        var depth = 0;
        var closed = false;
        int c;
        while (!closed && (c = Read()) >= 0)
        {
            if (c != '<')
            {
                if (element is not null)
                {
                    chunk.Append((char)c);
                }

                continue;
            }

            var at = line;
            var kind = ReadMarkup();
            var tag = markup.ToString();
            switch (kind)
            {
                case Markup.Declaration when root is null && tag.StartsWith("!DOCTYPE", StringComparison.OrdinalIgnoreCase):
                    throw new ImportFormatException("it declares a DTD (<!DOCTYPE …>), which Disqus exports never do; refused, as DTDs can reach for other files.");
                case Markup.End:
                    if (element is not null)
                    {
                        chunk.Append('<').Append(tag);
                    }

                    depth = Math.Max(depth - 1, 0);
                    if (depth == 1 && element is not null)
                    {
                        if (Parse(element, chunk.ToString(), start) is { } record)
                        {
                            yield return record;
                        }

                        element = null;
                        chunk.Clear();
                    }

                    closed = depth == 0 && root is not null;
                    break;
                case Markup.Start or Markup.Empty:
                    var name = LocalName(tag);
                    if (depth == 0)
                    {
                        if (root is not null)
                        {
                            closed = true;
                            break;
                        }

                        if (name != "disqus")
                        {
                            throw new ImportFormatException(name == "rss"
                                ? "this is an RSS or WordPress (WXR) file, not a Disqus export; for a WordPress export, use \"import wxr\"."
                                : $"this is not a Disqus export: its root element is <{name}>, not <disqus>.");
                        }

                        // Each element is parsed on its own inside a copy of the root's start tag, so
                        // that its prefixes mean what they mean in the file; on one line, so that
                        // an error's line number is the element's own.
                        root = "<" + tag.ReplaceLineEndings(" ");
                        rootName = tag[..Math.Max(tag.IndexOfAny([' ', '\t', '\r', '\n', '/', '>']), 0)];
                        closed = kind == Markup.Empty;
                        depth = 1;
                        break;
                    }

                    if (depth >= 2 && element is not null && (name == element || name == "post"))
                    {
                        // Posts and threads do not nest: this one begins where the last lost its end tag.
                        // Parsing what was read names the first thing wrong with it, usually a bare "<".
                        yield return Parse(element, chunk.ToString(), start) as DisqusBadRecord
                            ?? new DisqusBadRecord(start, element, IdIn(chunk.ToString()), $"skipped, its </{element}> is missing before line {at}");
                        chunk.Clear();
                        depth = 1;
                    }

                    if (depth == 1)
                    {
                        element = name;
                        start = at;
                        chunk.Append('<').Append(tag);
                        if (kind == Markup.Empty)
                        {
                            if (Parse(element, chunk.ToString(), start) is { } record)
                            {
                                yield return record;
                            }

                            element = null;
                            chunk.Clear();
                        }
                        else
                        {
                            depth = 2;
                        }

                        break;
                    }

                    chunk.Append('<').Append(tag);
                    depth += kind == Markup.Start ? 1 : 0;
                    break;
                default:
                    // Comments, processing instructions and CDATA sections belong to the element around them.
                    if (element is not null)
                    {
                        chunk.Append('<').Append(tag);
                    }

                    break;
            }
        }

        if (root is null)
        {
            throw new ImportFormatException("the file is empty or has no <disqus> element; it is not a Disqus export.");
        }

        if (element is not null)
        {
            yield return new DisqusBadRecord(start, element, IdIn(chunk.ToString()), "the file ends inside it, so it was cut short; skipped");
        }
        else if (!closed)
        {
            yield return new DisqusBadRecord(line, "disqus", null, "the file ends before </disqus>; it may have been cut short");
        }
    }

    public void Dispose() => text.Dispose();

    private enum Markup { Start, Empty, End, Declaration, Other }

    private int Read()
    {
        var c = text.Read();
        if (c == '\n')
        {
            line++;
        }

        return c;
    }

    // Reads what follows a '<' into `markup`, through its closing '>'.
    private Markup ReadMarkup()
    {
        markup.Clear();
        var first = Read();
        if (first < 0)
        {
            return Markup.Other;
        }

        markup.Append((char)first);
        switch (first)
        {
            case '!':
                // "<!--" opens a comment and "<![" a CDATA section; anything else is a declaration.
                var next = text.Peek();
                ReadUntil(next == '-' ? "-->" : next == '[' ? "]]>" : ">");
                return next is '-' or '[' ? Markup.Other : Markup.Declaration;
            case '?':
                ReadUntil("?>");
                return Markup.Other;
            case '/':
                ReadUntil(">");
                return Markup.End;
            default:
                ReadUntil(">");
                return markup.Length >= 2 && markup[^2] == '/' ? Markup.Empty : Markup.Start;
        }
    }

    // Reads on until `markup` ends with the terminator, or the file ends.
    private void ReadUntil(string terminator)
    {
        while (!EndsWith(terminator))
        {
            var c = Read();
            if (c < 0)
            {
                return;
            }

            markup.Append((char)c);
        }
    }

    private bool EndsWith(string terminator)
    {
        if (markup.Length < terminator.Length + 1)
        {
            return false;
        }

        for (var i = 0; i < terminator.Length; i++)
        {
            if (markup[markup.Length - terminator.Length + i] != terminator[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string LocalName(string tag)
    {
        var end = tag.IndexOfAny([' ', '\t', '\r', '\n', '/', '>']);
        var name = end < 0 ? tag : tag[..end];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? name : name[(colon + 1)..];
    }

    private DisqusRecord? Parse(string element, string xml, int start)
    {
        XElement node;
        try
        {
            using var reader = XmlReader.Create(new StringReader($"{root}{xml}</{rootName}>"), Settings);
            node = XDocument.Load(reader).Root!.Elements().First();
        }
        catch (XmlException e)
        {
            return new DisqusBadRecord(start, element, IdIn(xml), $"skipped, not well-formed XML at line {start + e.LineNumber - 1}: {ImportFormatException.ReasonOf(e)}");
        }

        try
        {
            return element switch
            {
                "thread" => Thread(node, start),
                "post" => Post(node, start),
                _ => null,
            };
        }
        catch (FormatException e)
        {
            return new DisqusBadRecord(start, element, DsqId(node), e.Message);
        }
    }

    // The id of an element too broken to parse, from its start tag, so that the report can name it.
    private static string? IdIn(string xml) => BrokenId().Match(xml[..Math.Max(xml.IndexOf('>', StringComparison.Ordinal), 0)]) is { Success: true } m ? m.Groups[1].Value : null;

    private static DisqusThread Thread(XElement node, int line) => new(line,
        DsqId(node), Value(node, "id"), Value(node, "link"), Value(node, "title"),
        Flag(node, "isClosed"), Flag(node, "isDeleted"));

    private static DisqusPost Post(XElement node, int line)
    {
        var created = Value(node, "createdAt");
        if (!DateTime.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            throw new FormatException(created is null ? "it has no date (createdAt); skipped" : $"its date \"{created}\" is not a date; skipped");
        }

        var author = Child(node, "author");
        return new DisqusPost(line, DsqId(node), Value(node, "id"), Value(node, "message") ?? "", at,
            Flag(node, "isDeleted"), Flag(node, "isSpam"),
            author is null ? null : Value(author, "name"), author is null ? null : Value(author, "email"), author is null ? null : Value(author, "username"),
            Value(node, "ipAddress"), Child(node, "thread") is { } thread ? DsqId(thread) : null, Child(node, "parent") is { } parent ? DsqId(parent) : null);
    }

    // Disqus's namespace is not always declared the same way, so elements are found by local name.
    private static XElement? Child(XElement node, string name) => node.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Value(XElement node, string name) => Child(node, name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static string? DsqId(XElement node) =>
        (node.Attribute(XName.Get("id", InternalsNs)) ?? node.Attributes().FirstOrDefault(a => a.Name.LocalName == "id"))?.Value.Trim() is { Length: > 0 } id ? id : null;

    private static bool Flag(XElement node, string name) => Value(node, name)?.ToLowerInvariant() switch
    {
        null or "false" or "0" => false,
        "true" or "1" => true,
        var other => throw new FormatException($"its {name} is \"{other}\", neither true nor false; skipped"),
    };

    [GeneratedRegex(@"\bdsq:id\s*=\s*[""']?([^""'\s/>]{1,100})")]
    private static partial Regex BrokenId();
}
