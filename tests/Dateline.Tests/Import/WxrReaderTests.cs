using Dateline.Features.Import;
using Dateline.Features.Import.Wxr;
using Dateline.TestSupport;

namespace Dateline.Tests.Import;

public sealed class WxrReaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Wxr", name);

    private static List<WxrRecord> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new WxrReader(stream);
        return [.. reader.Records()];
    }

    private static string CorpusFile(string relative)
    {
        var path = Corpus.Find("wxr/" + relative);
        Skip.If(path is null, $"SKIPPED: ../shared/corpus/wxr/{relative} is not beside this clone, so it was not read.");
        return path!;
    }

    [Fact]
    public void ReadsTheSiteAuthorsTermsItemsAndCommentsInFileOrder()
    {
        var records = Read(Fixture("edge-cases.xml"));

        var site = Assert.IsType<WxrSite>(records[0]);
        Assert.Equal(("1.2", "The Harbour Gazette", "https://gazette.example/", "en-GB"), (site.Version, site.Title, site.BaseSiteUrl, site.Language));
        var authors = records.OfType<WxrAuthor>().ToList();
        Assert.Equal(["mbrennan", "jkowalski"], authors.Select(a => a.Login));
        Assert.Equal(("Maeve Brennan", "maeve@gazette.example", 7), (authors[0].DisplayName, authors[0].Email, authors[0].Id));
        Assert.Null(authors[1].FirstName);
        var terms = records.OfType<WxrTerm>().ToList();
        Assert.Equal([("category", "harbour", "Harbour & Shipping"), ("post_tag", "ferries", "Ferries"), ("post_tag", "%e6%b8%af%e5%8f%a3", "港口")],
            terms.Select(t => (t.Taxonomy, t.Slug, t.Name)));

        var items = records.OfType<WxrItem>().ToList();
        Assert.Equal(["post", "attachment", "post", "post"], items.Select(i => i.PostType));
        var ferry = items[0];
        Assert.Equal("Ferry timetable changes: \"What's next?\" \\ a guide", ferry.Title);
        Assert.StartsWith("The ferry company said the <![CDATA[ markers ]]> are \"fine\".", ferry.Content, StringComparison.Ordinal);
        Assert.Contains(@"C:\ferries\new and a quote \' stay", ferry.Content, StringComparison.Ordinal);
        Assert.Equal("New times from April.", ferry.Excerpt);
        Assert.Equal(new DateTime(2024, 3, 5, 9, 30, 0), ferry.DateGmt);
        Assert.Equal("102", ferry.MetaValue("_thumbnail_id"));
        Assert.Equal([("category", "harbour"), ("post_tag", "ferries"), ("post_tag", "%e6%b8%af%e5%8f%a3")], ferry.Terms.Select(t => (t.Taxonomy, t.Slug)));
        Assert.Equal(["12", "11", "13", "14", "15", "16"], ferry.Comments.Select(c => c.Id));
        Assert.Equal("11", ferry.Comments[0].ParentId);
        Assert.Null(ferry.Comments[1].ParentId);
        Assert.Equal(["1", "1", "spam", "0", "trash", "1"], ferry.Comments.Select(c => c.Approved));
        Assert.Equal("pingback", ferry.Comments[5].Type);
        Assert.Equal("Finally! \\o/ Здравствуйте, 港口.", ferry.Comments[1].Content);
        Assert.Equal("https://gazette.example/wp-content/uploads/2024/03/ferry.jpg", items[1].AttachmentUrl);

        var draft = items[2];
        Assert.Null(draft.DateGmt);
        Assert.Equal(new DateTime(2024, 3, 7, 16, 20, 0), draft.DateLocal);
        Assert.Null(draft.Slug);
        Assert.Equal("former", draft.Creator);
    }

    [Fact]
    public void ATruncatedFileStopsWithItsLineAndColumnAfterWhatCameBefore()
    {
        using var stream = File.OpenRead(Fixture("edge-cases.xml"));
        var truncated = new MemoryStream();
        stream.CopyTo(truncated);
        truncated.SetLength(3000);
        truncated.Position = 0;
        using var reader = new WxrReader(truncated);
        var read = new List<WxrRecord>();
        var e = Assert.Throws<ImportFormatException>(() =>
        {
            foreach (var record in reader.Records())
            {
                read.Add(record);
            }
        });
        Assert.Matches(@"^not well-formed XML at line \d+, column \d+: ", e.Message);
        Assert.Equal(2, read.OfType<WxrAuthor>().Count());
    }

    [Theory]
    [InlineData("<html><body>no</body></html>", "root element is <html>")]
    [InlineData("", "empty")]
    [InlineData("<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><item><title>x</title></item></channel></rss>", "no WXR version number")]
    [InlineData("<rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><wp:wxr_version>abc</wp:wxr_version></channel></rss>", "\"abc\", not a number")]
    [InlineData("<!DOCTYPE rss [<!ENTITY x \"y\">]><rss/>", "declares a DTD")]
    public void WhatIsNotWxrIsRefusedWithAClearReason(string xml, string expected)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        using var reader = new WxrReader(stream);
        var e = Assert.Throws<ImportFormatException>(() => reader.Records().ToList());
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void ReadsTheThemeUnitTestExport()
    {
        var records = Read(CorpusFile("wordpress-importer/theme-unit-test-data.xml"));
        var items = records.OfType<WxrItem>().ToList();
        Assert.Equal(186, items.Count);
        Assert.Equal(2, records.OfType<WxrAuthor>().Count());
        // 68 wp:category, 110 wp:tag and 7 wp:term elements, of which 6 are menus.
        Assert.Equal(68 + 110 + 7, records.OfType<WxrTerm>().Count());
        Assert.Equal(6, records.OfType<WxrTerm>().Count(t => t.Taxonomy == "nav_menu"));
        Assert.Equal((56, 1, 1, 21, 37, 70), (
            items.Count(i => i.PostType == "post" && i.Status == "publish"),
            items.Count(i => i.PostType == "post" && i.Status == "future"),
            items.Count(i => i.PostType == "post" && i.Status == "draft"),
            items.Count(i => i.PostType == "page"),
            items.Count(i => i.PostType == "attachment"),
            items.Count(i => i.PostType == "nav_menu_item")));
        var comments = items.SelectMany(i => i.Comments).ToList();
        Assert.Equal(33, comments.Count);
        Assert.Equal(2, comments.Count(c => c.Type == "pingback"));
        Assert.Equal(2, comments.Count(c => c.Type == "trackback"));
        Assert.Equal(3, comments.Count(c => c.Approved == "0"));
    }

    [SkippableFact]
    public void ReadsTheImportersSmallExportAndItsOlderVersions()
    {
        var small = Read(CorpusFile("wordpress-importer/small-export.xml"));
        Assert.Equal((11, 3, 30, 3, 1), (small.OfType<WxrItem>().Count(), small.OfType<WxrAuthor>().Count(),
            small.OfType<WxrTerm>().Count(t => t.Taxonomy == "category"), small.OfType<WxrTerm>().Count(t => t.Taxonomy == "post_tag"),
            small.OfType<WxrItem>().Sum(i => i.Comments.Count)));
        Assert.Equal("bar", small.OfType<WxrTerm>().Single(t => t.Slug == "foo-bar").ParentSlug);
        Assert.Equal(27, small.OfType<WxrItem>().Single(i => i.Title == "Many Categories").Terms.Count(t => t.Taxonomy == "category"));

        var old = Read(CorpusFile("wordpress-importer/valid-wxr-1.0.xml"));
        Assert.Equal("1.0", old.OfType<WxrSite>().Single().Version);
        var posts = old.OfType<WxrItem>().ToList();
        Assert.Equal(6, posts.Count);
        Assert.Equal([("category", "uncategorized")], posts[0].Terms.Select(t => (t.Taxonomy, t.Slug)));
        Assert.Equal([("category", "alpha"), ("post_tag", "news"), ("post_tag", "roar")], posts[2].Terms.Select(t => (t.Taxonomy, t.Slug)));

        var isso = Read(CorpusFile("isso/wordpress.xml"));
        Assert.Equal("1.0", isso.OfType<WxrSite>().Single().Version);
        Assert.Equal(8, isso.OfType<WxrItem>().Sum(i => i.Comments.Count));
    }

    [SkippableFact]
    public void KeepsBackslashesAndEscapedCdataAsWritten()
    {
        var slashes = Read(CorpusFile("wordpress-importer/slashes.xml"));
        var post = slashes.OfType<WxrItem>().Single();
        Assert.Equal(@"Slashes aren\'t \""cool\""", post.Content);
        Assert.Equal(@"\o/ ¯\_(ツ)_/¯", post.Comments.Single().Content);
        Assert.Contains(slashes.OfType<WxrTerm>(), t => t.Name == @"a \""great\"" category");

        var cdata = Read(CorpusFile("wordpress-importer/crazy-cdata-escaped.xml")).OfType<WxrItem>().Single();
        Assert.Equal("Content with nested <![CDATA[ tags ]]> :)", cdata.Content);
        Assert.Equal("This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>", cdata.MetaValue("Alot of CDATA"));
    }

    [SkippableTheory]
    [InlineData("wordpress-importer/malformed.xml", "not well-formed XML at line 90")]
    [InlineData("wordpress-importer/crazy-cdata.xml", "not well-formed XML at line")]
    [InlineData("wordpress-importer/missing-version-tag.xml", "no WXR version number")]
    [InlineData("wordpress-importer/invalid-version-tag.xml", "not a number")]
    [InlineData("remark42/wp-export-md.xml", "root element is <channel>, not <rss>")]
    public void RefusesTheCorpusFilesThatAreNotWxr(string file, string expected)
    {
        var e = Assert.Throws<ImportFormatException>(() => Read(CorpusFile(file)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
