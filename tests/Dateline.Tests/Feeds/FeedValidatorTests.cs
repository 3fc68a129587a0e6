using System.Xml.Linq;
using Dateline.TestSupport;

namespace Dateline.Tests.Feeds;

/// <summary>
/// The offline RSS and Atom validator the feed tests rely on: it passes valid documents that use
/// every module Dateline writes, and names each fault in broken ones.
/// </summary>
public sealed class FeedValidatorTests
{
    private const string Rss = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/"
             xmlns:ext="urn:example:extension">
          <channel>
            <title>The Daily</title>
            <link>https://news.example.org/</link>
            <atom:link href="https://news.example.org/feed/" rel="self" type="application/rss+xml" />
            <description>News &amp; views</description>
            <language>en-gb</language>
            <lastBuildDate>Wed, 01 Mar 2023 10:30:00 +0100</lastBuildDate>
            <ext:anything ext:also="yes"><ext:nested /></ext:anything>
            <item>
              <title>Markets rally</title>
              <link>https://news.example.org/2023/03/01/markets/</link>
              <guid isPermaLink="true">https://news.example.org/2023/03/01/markets/</guid>
              <pubDate>Wed, 01 Mar 2023 09:00:00 GMT</pubDate>
              <dc:creator>Ann Feedwriter</dc:creator>
              <category domain="https://news.example.org/topics/markets/">Markets</category>
              <description>Dek &amp; &lt;dek&gt;</description>
              <content:encoded><![CDATA[<p>Shares were <strong>bold</strong>.</p>]]></content:encoded>
              <enclosure url="https://news.example.org/media/2023/03/ab-1200.jpg" length="48213" type="image/jpeg" />
              <media:content url="https://news.example.org/media/2023/03/ab-1200.jpg" medium="image" type="image/jpeg" fileSize="48213" width="1200" height="800">
                <media:description type="plain">Traders</media:description>
                <media:credit>A. Photographer</media:credit>
              </media:content>
            </item>
            <item>
              <description>Only a description, and a guid that is not a URL.</description>
              <guid isPermaLink="false">tag:news.example.org,2023:7</guid>
              <pubDate>1 Mar 23 09:00 EST</pubDate>
            </item>
          </channel>
        </rss>
        """;

    private const string Atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en" xmlns:ext="urn:example:extension">
          <title>The Daily</title>
          <subtitle>News &amp; views</subtitle>
          <link rel="alternate" type="text/html" href="https://news.example.org/" />
          <link rel="self" type="application/atom+xml" href="https://news.example.org/feed/atom/" />
          <id>https://news.example.org/</id>
          <updated>2023-03-01T10:30:00+01:00</updated>
          <author><name>The Daily</name></author>
          <generator>Dateline</generator>
          <ext:anything>extension</ext:anything>
          <entry>
            <title type="text">Markets rally</title>
            <link rel="alternate" type="text/html" href="https://news.example.org/2023/03/01/markets/" />
            <link rel="enclosure" type="image/jpeg" length="48213" href="https://news.example.org/media/ab-1200.jpg" />
            <id>https://news.example.org/2023/03/01/markets/</id>
            <published>2023-03-01T09:00:00+01:00</published>
            <updated>2023-03-01T10:30:00Z</updated>
            <author><name>Ann Feedwriter</name><uri>https://news.example.org/authors/ann/</uri></author>
            <category term="Markets" scheme="https://news.example.org/topics/" />
            <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Dek &amp; <em>dek</em></div></summary>
            <content type="html">&lt;p&gt;Shares were &lt;strong&gt;bold&lt;/strong&gt;.&lt;/p&gt;</content>
          </entry>
          <entry>
            <title>Picture only</title>
            <id>tag:news.example.org,2023:8</id>
            <updated>2023-03-01T10:30:00.25-05:00</updated>
            <summary>A photograph.</summary>
            <content type="image/png" src="https://news.example.org/media/pic.png" />
          </entry>
        </feed>
        """;

    [Fact]
    public void AValidRssFeedWithEveryModuleWeWritePasses() => Assert.Empty(FeedValidator.Rss(XDocument.Parse(Rss)));

    [Fact]
    public void AValidAtomFeedPasses() => Assert.Empty(FeedValidator.Atom(XDocument.Parse(Atom)));

    [Fact]
    public void AChannelWithoutATitleFails()
    {
        var errors = FeedValidator.Rss(Edit(Rss, d => d.Root!.Element("channel")!.Element("title")!.Remove()));
        Assert.Equal(["/rss/channel: title is required"], errors);
    }

    [Fact]
    public void RssElementsThatMayAppearOnceAndItemsWithNeitherTitleNorDescriptionFail()
    {
        var errors = FeedValidator.Rss(Edit(Rss, d =>
        {
            var channel = d.Root!.Element("channel")!;
            channel.Add(new XElement("link", "https://news.example.org/again/"));
            var second = channel.Elements("item").Last();
            second.Element("description")!.Remove();
        }));
        Assert.Equal(["/rss/channel: link may appear only once, found 2", "/rss/channel/item[2]: an item needs a title or a description"], errors);
    }

    [Theory]
    [InlineData("Wed, 01 Mar 2023 9:00:00 GMT", "/rss/channel/item[1]/pubDate: The 'pubDate' element is invalid")]
    [InlineData("2023-03-01T09:00:00Z", "/rss/channel/item[1]/pubDate: The 'pubDate' element is invalid")]
    [InlineData("Wednesday, 01 Mar 2023 09:00:00 GMT", "/rss/channel/item[1]/pubDate: The 'pubDate' element is invalid")]
    [InlineData("Wed, 01 Mar 2023 09:00:00 CET", "/rss/channel/item[1]/pubDate: The 'pubDate' element is invalid")]
    [InlineData("Tue, 01 Mar 2023 09:00:00 GMT", "/rss/channel/item[1]/pubDate: 'Tue, 01 Mar 2023 09:00:00 GMT' says Tue, but 01 Mar 2023 is a Wednesday")]
    [InlineData("Thu, 29 Feb 2023 09:00:00 GMT", "/rss/channel/item[1]/pubDate: 'Thu, 29 Feb 2023 09:00:00 GMT' is not a date: Feb 2023 has no day 29")]
    [InlineData("Wed, 01 Mar 2023 24:00:00 GMT", "/rss/channel/item[1]/pubDate: 'Wed, 01 Mar 2023 24:00:00 GMT' is not a time of day")]
    [InlineData("Wed, 01 Mar 2023 09:00:00 +0175", "/rss/channel/item[1]/pubDate: 'Wed, 01 Mar 2023 09:00:00 +0175' has no such zone offset")]
    public void ABadPubDateFails(string date, string expected)
    {
        var errors = FeedValidator.Rss(Edit(Rss, d => d.Descendants("item").First().Element("pubDate")!.Value = date));
        Assert.StartsWith(expected, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeLinksInRssFail()
    {
        var errors = FeedValidator.Rss(Edit(Rss, d =>
        {
            var item = d.Descendants("item").First();
            item.Element("link")!.Value = "/2023/03/01/markets/";
            item.Element("guid")!.Value = "markets";
            item.Element("enclosure")!.SetAttributeValue("url", "/media/a.jpg");
            d.Root!.Element("channel")!.Element(XName.Get("link", "http://www.w3.org/2005/Atom"))!.SetAttributeValue("href", "feed/");
        }));
        Assert.Equal(
            [
                "/rss/channel/atom:link/@href: 'feed/' is not an absolute URL",
                "/rss/channel/item[1]/link: '/2023/03/01/markets/' is not an absolute URL",
                "/rss/channel/item[1]/enclosure/@url: '/media/a.jpg' is not an absolute URL",
                "/rss/channel/item[1]/guid: 'markets' is not an absolute URL",
            ],
            errors);
    }

    [Fact]
    public void AnEnclosureWithoutALengthOrWithAWrongOneFails()
    {
        var missing = FeedValidator.Rss(Edit(Rss, d => d.Descendants("enclosure").Single().Attribute("length")!.Remove()));
        Assert.Equal(["/rss/channel/item[1]/enclosure: The required attribute 'length' is missing."], missing);
        var words = FeedValidator.Rss(Edit(Rss, d => d.Descendants("enclosure").Single().SetAttributeValue("length", "big")));
        Assert.Contains("/rss/channel/item[1]/enclosure/@length: The 'length' attribute is invalid", Assert.Single(words), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownCoreRssElementFailsWhileNamespacedOnesPass()
    {
        var errors = FeedValidator.Rss(Edit(Rss, d => d.Descendants("item").First().Add(new XElement("creator", "Ann"))));
        Assert.Contains("/rss/channel/item[1]/creator: The element 'item' has invalid child element 'creator'", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ModuleElementsAreCheckedAgainstTheirSchemas()
    {
        var errors = FeedValidator.Rss(Edit(Rss, d =>
        {
            XNamespace media = "http://search.yahoo.com/mrss/";
            var content = d.Descendants(media + "content").Single();
            content.SetAttributeValue("medium", "photo");
            content.Element(media + "description")!.SetAttributeValue("type", "markdown");
            d.Descendants(XName.Get("creator", "http://purl.org/dc/elements/1.1/")).Single().Add(new XElement("b", "Ann"));
        }));
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("/rss/channel/item[1]/dc:creator", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/rss/channel/item[1]/media:content/@medium", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/rss/channel/item[1]/media:content/media:description/@type", StringComparison.Ordinal));
    }

    [Fact]
    public void MarkupInsideAnRssElementFails()
    {
        var errors = FeedValidator.Rss(Edit(Rss, d => d.Descendants("item").First().Element("description")!.Add(new XElement("b", "bold"))));
        Assert.Contains("/rss/channel/item[1]/description", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AnRssDocumentInTheWrongNamespaceOrVersionFails()
    {
        var namespaced = FeedValidator.Rss(XDocument.Parse(Rss.Replace("<rss version=\"2.0\"", "<rss xmlns=\"http://purl.org/rss/1.0/\" version=\"2.0\"", StringComparison.Ordinal)));
        Assert.Equal(["/{http://purl.org/rss/1.0/}rss: no schema declares this root element", "/: the root element must be rss, in no namespace; found {http://purl.org/rss/1.0/}rss"], namespaced);
        var old = FeedValidator.Rss(XDocument.Parse(Rss.Replace("version=\"2.0\"", "version=\"0.91\"", StringComparison.Ordinal)));
        Assert.Contains("/rss/@version: The 'version' attribute is invalid", Assert.Single(old), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoAtomIdsFail()
    {
        var errors = FeedValidator.Atom(Edit(Atom, d => d.Root!.Add(new XElement(A("id"), "https://news.example.org/again"))));
        Assert.Equal(["/atom:feed: atom:id may appear only once, found 2"], errors);
    }

    [Fact]
    public void AnEntryWithoutUpdatedFails()
    {
        var errors = FeedValidator.Atom(Edit(Atom, d => d.Root!.Element(A("entry"))!.Element(A("updated"))!.Remove()));
        Assert.Equal(["/atom:feed/atom:entry[1]: atom:updated is required"], errors);
    }

    [Theory]
    [InlineData("2023-03-01T09:00:00")]
    [InlineData("2023-03-01 09:00:00Z")]
    [InlineData("2023-03-01t09:00:00z")]
    [InlineData("2023-02-29T09:00:00Z")]
    [InlineData("Wed, 01 Mar 2023 09:00:00 GMT")]
    public void AnAtomDateThatIsNotRfc3339Fails(string date)
    {
        var errors = FeedValidator.Atom(Edit(Atom, d => d.Root!.Element(A("updated"))!.Value = date));
        Assert.StartsWith("/atom:feed/atom:updated: The 'http://www.w3.org/2005/Atom:updated' element is invalid", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void RelativeAtomLinksAndIdsFailUnlessAnXmlBaseResolvesThem()
    {
        var errors = FeedValidator.Atom(Edit(Atom, d =>
        {
            var entry = d.Root!.Element(A("entry"))!;
            entry.Elements(A("link")).First().SetAttributeValue("href", "/2023/03/01/markets/");
            entry.Element(A("id"))!.Value = "/2023/03/01/markets/";
        }));
        Assert.Equal(
            [
                "/atom:feed/atom:entry[1]/atom:id: '/2023/03/01/markets/' is not an absolute IRI",
                "/atom:feed/atom:entry[1]/atom:link[1]/@href: '/2023/03/01/markets/' is not an absolute URL",
            ],
            errors);

        var based = FeedValidator.Atom(Edit(Atom, d =>
        {
            d.Root!.SetAttributeValue(XNamespace.Xml + "base", "https://news.example.org/");
            d.Root.Element(A("entry"))!.Elements(A("link")).First().SetAttributeValue("href", "2023/03/01/markets/");
        }));
        Assert.Empty(based);
    }

    [Fact]
    public void AtomAuthorsAreRequiredOnTheFeedOrOnEveryEntry()
    {
        var errors = FeedValidator.Atom(Edit(Atom, d => d.Root!.Element(A("author"))!.Remove()));
        Assert.Equal(["/atom:feed/atom:entry[2]: atom:author is required, since neither the feed nor the entry's atom:source has one"], errors);
    }

    [Fact]
    public void AtomEntryRulesThatDependOnOtherElementsAreChecked()
    {
        var errors = FeedValidator.Atom(Edit(Atom, d =>
        {
            var entries = d.Root!.Elements(A("entry")).ToList();
            entries[0].Add(new XElement(A("link"), new XAttribute("href", "https://news.example.org/other/"), new XAttribute("type", "text/html")));
            entries[0].Element(A("content"))!.Remove();
            entries[0].Elements(A("link")).First().Remove();
            entries[1].Element(A("summary"))!.Remove();
        }));
        Assert.Equal(["/atom:feed/atom:entry[2]: atom:summary is required when atom:content has a src or Base64 content"], errors);

        var twins = FeedValidator.Atom(Edit(Atom, d => d.Root!.Add(new XElement(A("link"), new XAttribute("href", "https://news.example.org/home"), new XAttribute("type", "text/html")))));
        Assert.Equal(["/atom:feed: 2 atom:link elements with rel=\"alternate\", type \"text/html\" and hreflang \"\"; at most one is allowed"], twins);

        var bare = FeedValidator.Atom(Edit(Atom, d => d.Root!.Element(A("entry"))!.Elements().Where(e => e.Name == A("content") || e.Name == A("link")).Remove()));
        Assert.Equal(["/atom:feed/atom:entry[1]: an entry without atom:content needs an atom:link with rel=\"alternate\""], bare);
    }

    [Fact]
    public void AtomTextConstructsMustHoldWhatTheirTypeSays()
    {
        var errors = FeedValidator.Atom(Edit(Atom, d =>
        {
            var entry = d.Root!.Element(A("entry"))!;
            entry.Element(A("title"))!.Add(new XElement(XName.Get("b", "http://www.w3.org/1999/xhtml"), "bold"));
            entry.Element(A("summary"))!.Element(XName.Get("div", "http://www.w3.org/1999/xhtml"))!.Name = XName.Get("p", "http://www.w3.org/1999/xhtml");
            entry.Element(A("content"))!.SetAttributeValue("type", "application/pdf");
        }));
        Assert.Equal(
            [
                "/atom:feed/atom:entry[1]/atom:content: atom:content of type \"application/pdf\" must be Base64",
                "/atom:feed/atom:entry[1]/atom:summary: a text construct of type \"xhtml\" must hold exactly one xhtml:div and nothing else",
                "/atom:feed/atom:entry[1]/atom:title: a text construct of type \"text\" may not contain elements; escape the markup",
            ],
            errors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnAtomDocumentInTheWrongNamespaceFails()
    {
        var errors = FeedValidator.Atom(XDocument.Parse(Atom.Replace("http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#", StringComparison.Ordinal)));
        Assert.Contains("/: the root element must be atom:feed (http://www.w3.org/2005/Atom); found {http://purl.org/atom/ns#}feed", errors);
        Assert.Contains("/{http://purl.org/atom/ns#}feed: no schema declares this root element", errors);
    }

    [Fact]
    public void AnUnknownElementInTheAtomNamespaceFails()
    {
        var errors = FeedValidator.Atom(Edit(Atom, d => d.Root!.Element(A("entry"))!.Add(new XElement(A("creator"), "Ann"))));
        Assert.Contains("/atom:feed/atom:entry[1]/atom:creator: The element 'entry' in namespace 'http://www.w3.org/2005/Atom' has invalid child element 'creator'", Assert.Single(errors), StringComparison.Ordinal);
    }

    private static XName A(string name) => XName.Get(name, "http://www.w3.org/2005/Atom");

    private static XDocument Edit(string xml, Action<XDocument> edit)
    {
        var document = XDocument.Parse(xml);
        edit(document);
        return document;
    }
}
