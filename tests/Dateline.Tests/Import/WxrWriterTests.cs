using Dateline.Features.Import.Wxr;

namespace Dateline.Tests.Import;

public sealed class WxrWriterTests
{
    [Fact]
    public void WhatItWritesReadsBackTheSameIncludingCDataEndsAndControlCharacters()
    {
        var comment = new WxrComment("7", "Zoë \"Z\" O'Neill", "zoe@example.org", "https://zoe.example", "2001:db8::1",
            new DateTime(2024, 3, 5, 10, 0, 0), new DateTime(2024, 3, 5, 11, 0, 0), "Text with ]]> and \u0001 a bell\u0007.", "spam", "pingback", "3", []);
        var item = new WxrItem(0, "42", "Лодки ]]> у причала", "https://site.example/2024/03/05/boats/", "https://site.example/?p=42", "maeve",
            "<p>One ]]]]> two]]></p>", "Dek", new DateTime(2024, 3, 5, 9, 30, 0), new DateTime(2024, 3, 5, 10, 30, 0), "open",
            "%d0%bb%d0%be%d0%b4%d0%ba%d0%b8", "publish", null, "post", null,
            [new WxrItemTerm("category", "harbour", "Harbour & Shipping"), new WxrItemTerm("post_tag", "%e6%b8%af", "港")],
            [new WxrMeta("_dateline_markdown", "*One* ]]> two"), new WxrMeta("_thumbnail_id", "43")], [comment]);

        using var stream = new MemoryStream();
        using (var writer = new WxrWriter(stream))
        {
            writer.Start(new WxrSite(0, "1.2", "The Gazette", "https://site.example", "https://site.example", "en"), "https://site.example", "News", new DateTime(2026, 11, 29, 0, 0, 0, DateTimeKind.Utc));
            writer.Write(new WxrAuthor(0, 3, "maeve", null, "Maeve Brennan", null, null));
            writer.Write(new WxrTerm(0, 5, "post_tag", "%e6%b8%af", "港", null, "Harbour"));
            writer.Write(item);
            writer.Finish();
        }

        stream.Position = 0;
        using var reader = new WxrReader(stream);
        var records = reader.Records().ToList();
        var site = Assert.IsType<WxrSite>(records[0]);
        Assert.Equal(("1.2", "The Gazette", "https://site.example"), (site.Version, site.Title, site.BaseSiteUrl));
        Assert.Equal(("maeve", "Maeve Brennan", 3), (Assert.IsType<WxrAuthor>(records[1]).Login, ((WxrAuthor)records[1]).DisplayName, ((WxrAuthor)records[1]).Id));
        Assert.Equal(("post_tag", "%e6%b8%af", "港", "Harbour"), (((WxrTerm)records[2]).Taxonomy, ((WxrTerm)records[2]).Slug, ((WxrTerm)records[2]).Name, ((WxrTerm)records[2]).Description));
        var read = Assert.IsType<WxrItem>(records[3]);
        Assert.Equal((item.Title, item.Content, item.Excerpt, item.Link, item.Identifier, item.Creator), (read.Title, read.Content, read.Excerpt, read.Link, read.Identifier, read.Creator));
        Assert.Equal((item.DateGmt, item.DateLocal, item.Slug, item.Status, item.PostType, item.CommentStatus), (read.DateGmt, read.DateLocal, read.Slug, read.Status, read.PostType, read.CommentStatus));
        Assert.Equal(item.Terms, read.Terms);
        Assert.Equal(item.Meta, read.Meta);
        var back = Assert.Single(read.Comments);
        Assert.Equal(comment with { Content = "Text with ]]> and  a bell.", Meta = back.Meta }, back);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("bell\u0007 and nul\0 gone", "bell and nul gone")]
    [InlineData("emoji 📰 stays", "emoji 📰 stays")]
    [InlineData("tab\tnew\nline\r kept", "tab\tnew\nline\r kept")]
    public void CleanKeepsOnlyWhatXmlCanHold(string text, string expected) => Assert.Equal(expected, WxrWriter.Clean(text));

    // Not theory data: a test runner may replace a lone surrogate in its arguments before the test sees it.
    [Fact]
    public void CleanDropsALoneSurrogate() => Assert.Equal("lone  surrogate and 📰", WxrWriter.Clean("lone \uD800 surrogate and 📰"));
}
