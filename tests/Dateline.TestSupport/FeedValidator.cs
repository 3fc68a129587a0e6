using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Dateline.TestSupport;

/// <summary>
/// Validates RSS 2.0 and Atom 1.0 documents offline, in process: against XML Schemas written
/// from the specifications (FeedSchemas/, embedded in this assembly), then against the rules a
/// schema cannot express (<see cref="FeedRules"/>). Each violation is one line, "where: what".
/// A well-formed document is the caller's to parse; XDocument.Parse refuses any other.
/// </summary>
public static class FeedValidator
{
    private static readonly string[] SchemaFiles = ["xml.xsd", "rss-2.0.xsd", "atom.xsd", "content.xsd", "dc.xsd", "media-rss.xsd"];

    // Compiled once; XmlSchemaSet is not documented as safe for concurrent validation, and test
    // classes run in parallel.
    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);
    private static readonly Lock Gate = new();

    public static IReadOnlyList<string> Rss(XDocument document) => [.. Schema(document), .. FeedRules.Rss(document)];

    public static IReadOnlyList<string> Atom(XDocument document) => [.. Schema(document), .. FeedRules.Atom(document)];

    /// <summary>Only the schema's verdict: elements, attributes and value forms.</summary>
    public static IReadOnlyList<string> Schema(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        lock (Gate)
        {
            var schemas = Schemas.Value;
            // The validator passes a root it has no declaration for (Atom 0.3's namespace, say)
            // without a word; everything below a declared root is checked.
            if (document.Root is { } root && !schemas.GlobalElements.Contains(new XmlQualifiedName(root.Name.LocalName, root.Name.NamespaceName)))
            {
                errors.Add($"{FeedRules.PathOf(root)}: no schema declares this root element");
            }
            else
            {
                document.Validate(schemas, (sender, e) => errors.Add($"{FeedRules.PathOf(sender as XObject)}: {e.Message}"));
            }
        }

        return errors;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        var assembly = typeof(FeedValidator).Assembly;
        foreach (var file in SchemaFiles)
        {
            using var stream = assembly.GetManifestResourceStream($"FeedSchemas.{file}")
                ?? throw new InvalidOperationException($"The feed schema {file} is not embedded.");
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var schema = XmlSchema.Read(reader, (_, e) => throw new InvalidOperationException($"{file}: {e.Message}", e.Exception))
                ?? throw new InvalidOperationException($"{file} is not a schema.");
            set.Add(schema);
        }

        set.Compile();
        return set;
    }
}
