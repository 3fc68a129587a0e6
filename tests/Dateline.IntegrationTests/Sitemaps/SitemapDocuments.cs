using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Dateline.TestSupport;

namespace Dateline.IntegrationTests.Sitemaps;

/// <summary>Fetching and checking sitemaps as a crawler reads them.</summary>
public static class SitemapDocuments
{
    public static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    public const string SchemaPath = "feeds/sitemap-0.9.xsd";

    public static async Task<XDocument> GetXmlAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The &lt;loc&gt; of each &lt;url&gt; (or &lt;sitemap&gt;), in order.</summary>
    public static List<string> Locs(XDocument document) =>
        [.. document.Root!.Elements().Select(e => e.Element(Sm + "loc")!.Value)];

    /// <summary>The &lt;lastmod&gt; of the entry whose &lt;loc&gt; is given.</summary>
    public static DateTimeOffset LastMod(XDocument document, string loc) =>
        W3c(document.Root!.Elements().Single(e => e.Element(Sm + "loc")!.Value == loc).Element(Sm + "lastmod")!.Value);

    /// <summary>A W3C datetime to the second with an explicit offset, as sitemaps and Google News want.</summary>
    public static DateTimeOffset W3c(string text)
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$", text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>The instant to the second, in Paris time, as the site writes it.</summary>
    public static DateTimeOffset InParis(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond)), SitemapApp.Paris);

    /// <summary>Validation errors against the sitemaps.org schema, or null when the schema is not beside this clone.</summary>
    public static List<string>? SchemaErrors(XDocument document)
    {
        if (Corpus.Find(SchemaPath) is not { } path)
        {
            return null;
        }

        var schemas = new XmlSchemaSet();
        using (var reader = XmlReader.Create(path))
        {
            schemas.Add(null, reader);
        }

        var errors = new List<string>();
        document.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }

    /// <summary>
    /// The index has no schema in the corpus, so it is checked by the protocol's rules: a
    /// sitemapindex of sitemap elements, each with an absolute loc and an optional W3C lastmod.
    /// </summary>
    public static void AssertIsSitemapIndex(XDocument document)
    {
        Assert.Equal(Sm + "sitemapindex", document.Root!.Name);
        Assert.NotEmpty(document.Root.Elements());
        Assert.True(document.Root.Elements().Count() <= 50_000);
        foreach (var sitemap in document.Root.Elements())
        {
            Assert.Equal(Sm + "sitemap", sitemap.Name);
            var children = sitemap.Elements().ToList();
            Assert.Equal(Sm + "loc", children[0].Name);
            Assert.True(Uri.TryCreate(children[0].Value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", children[0].Value);
            Assert.InRange(children[0].Value.Length, 12, 2048);
            Assert.All(children.Skip(1), c => Assert.Equal(Sm + "lastmod", c.Name));
            Assert.True(children.Count <= 2);
            if (children.Count == 2)
            {
                W3c(children[1].Value);
            }
        }
    }
}
