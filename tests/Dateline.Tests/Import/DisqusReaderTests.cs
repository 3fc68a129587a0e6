using System.Text;
using Dateline.Features.Import;
using Dateline.Features.Import.Disqus;
using Dateline.TestSupport;

namespace Dateline.Tests.Import;

public sealed class DisqusReaderTests
{
    private const string Root = """<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">""";

    private static List<DisqusRecord> Read(string xml)
    {
        using var reader = new DisqusReader(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
        return reader.Records().ToList();
    }

    private static string Post(string id, string thread, string message = "<![CDATA[<p>Hi</p>]]>", string extra = "") => $"""
        <post dsq:id="{id}"><id/><message>{message}</message><createdAt>2020-05-01T10:00:00Z</createdAt>
        <isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>N</name></author><thread dsq:id="{thread}"/>{extra}</post>
        """;

    [Fact]
    public void ReadsTheSampleExportsThreadsAndPostsInFileOrder()
    {
        var records = Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Disqus", "sample.xml")));
        Assert.Equal(5, records.OfType<DisqusThread>().Count());
        Assert.Equal(12, records.OfType<DisqusPost>().Count());
        Assert.Equal(2, records.OfType<DisqusBadRecord>().Count());
        var first = records.OfType<DisqusThread>().First();
        Assert.Equal(("9001", "101 https://gazette.example/?p=101", "https://gazette.example/2024/03/05/ferry-timetable/", false), (first.DsqId, first.Identifier, first.Link, first.IsDeleted));
        var reply = records.OfType<DisqusPost>().Single(p => p.DsqId == "7002");
        Assert.Equal(("9001", "7003", "Pat \"Skipper\" O'Neill", "<p>Same here &amp; my neighbours.</p>"), (reply.ThreadId, reply.ParentId, reply.AuthorName, reply.Message));
        Assert.Equal("legacy-42", records.OfType<DisqusPost>().Single(p => p.DsqId is null).Key);
    }

    [Fact]
    public void ABrokenPostIsReportedWithItsLineAndTheNextOneIsStillRead()
    {
        var xml = $"`<?xml version=\"1.0\"?>\n{Root}\n{Post("1", "9", "a < b")}\n{Post("2", "9")}\n</disqus>";
        var records = Read(xml);
        var bad = Assert.IsType<DisqusBadRecord>(records[0]);
        Assert.Equal(("post", "1", 3), (bad.Element, bad.DsqId, bad.Line));
        Assert.StartsWith("skipped, not well-formed XML at line 3", bad.Reason, StringComparison.Ordinal);
        Assert.Equal("2", Assert.IsType<DisqusPost>(records[1]).DsqId);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void AnUnreadableDateOrFlagSkipsOnlyThatPost()
    {
        var xml = $"{Root}{Post("1", "9").Replace("2020-05-01T10:00:00Z", "2011-x09-30", StringComparison.Ordinal)}{Post("2", "9").Replace("<isSpam>false", "<isSpam>123", StringComparison.Ordinal)}{Post("3", "9")}</disqus>";
        var records = Read(xml);
        Assert.Equal("its date \"2011-x09-30\" is not a date; skipped", Assert.IsType<DisqusBadRecord>(records[0]).Reason);
        Assert.Equal("its isSpam is \"123\", neither true nor false; skipped", Assert.IsType<DisqusBadRecord>(records[1]).Reason);
        Assert.Equal("3", Assert.IsType<DisqusPost>(records[2]).DsqId);
    }

    [Fact]
    public void ACutShortFileEndsWithARecordSayingSo()
    {
        var records = Read($"{Root}{Post("1", "9")}<post dsq:id=\"2\"><message>half");
        Assert.IsType<DisqusPost>(records[0]);
        Assert.Equal("the file ends inside it, so it was cut short; skipped", Assert.IsType<DisqusBadRecord>(records[1]).Reason);
    }

    [Theory]
    [InlineData("", "the file is empty or has no <disqus> element; it is not a Disqus export.")]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>", "this is an RSS or WordPress (WXR) file, not a Disqus export; for a WordPress export, use \"import wxr\".")]
    [InlineData("<comments/>", "this is not a Disqus export: its root element is <comments>, not <disqus>.")]
    [InlineData("<!DOCTYPE disqus [<!ENTITY a \"aaaa\">]><disqus/>", "it declares a DTD (<!DOCTYPE …>), which Disqus exports never do; refused, as DTDs can reach for other files.")]
    public void AFileThatIsNotADisqusExportIsRefused(string xml, string message)
    {
        var e = Assert.Throws<ImportFormatException>(() => Read(xml));
        Assert.Equal(message, e.Message);
    }

    [SkippableFact]
    public void ReadsRemark42sFixtureDespiteItsStrayBacktickAndBrokenPost()
    {
        var path = Corpus.Find("disqus/remark42/disqus.xml");
        Skip.If(path is null, "SKIPPED: ../shared/corpus/disqus/remark42/disqus.xml is not beside this clone.");
        var records = Read(File.ReadAllText(path!));
        Assert.Equal(2, records.OfType<DisqusThread>().Count());
        Assert.Equal(5, records.OfType<DisqusPost>().Count());
        Assert.Equal("x299986073", records.OfType<DisqusBadRecord>().Single().DsqId);
        Assert.StartsWith("<p>The quick brown fox", records.OfType<DisqusPost>().First().Message, StringComparison.Ordinal);
    }
}
