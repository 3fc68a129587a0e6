using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dateline.Features.Articles;
using Dateline.Features.Import;
using Dateline.Web;

namespace Dateline.Tests.Import;

public sealed class PlainTextArticleParserTests
{
    private static readonly ArticleMarkdown ArticlePipeline = new();

    private static readonly JsonSerializerOptions GoldenJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",

        // Keeps Cyrillic and quotes readable in the expected files; they are test data, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string FixturesFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Text");

    public static TheoryData<string> FixtureNames()
    {
        var names = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(FixturesFolder, "*.txt").Order(StringComparer.Ordinal))
        {
            names.Add(Path.GetFileNameWithoutExtension(path));
        }

        return names;
    }

    // Each Fixtures/Text/NAME.txt is parsed and compared with NAME.expected.json.
    // To regenerate the expected files after a deliberate change, run the tests with UPDATE_GOLDEN=1:
    // instead of comparing, the test then rewrites NAME.expected.json in the source tree (found by
    // walking up from the test binaries to the project folder). Review the diff before committing it.
    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void FixtureParsesToItsExpectedArticle(string name)
    {
        // Raw bytes, so that a byte-order mark in a fixture reaches the parser as it would from an upload.
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(FixturesFolder, name + ".txt")));
        var actual = JsonSerializer.Serialize(PlainTextArticleParser.Parse(text), GoldenJson) + "\n";

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = SourceFixturesFolder() ?? FixturesFolder;
            File.WriteAllText(Path.Combine(source, name + ".expected.json"), actual, new UTF8Encoding(false));
            return;
        }

        var expected = File.ReadAllText(Path.Combine(FixturesFolder, name + ".expected.json")).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryFixtureHasAnExpectedFile()
    {
        var texts = Directory.EnumerateFiles(FixturesFolder, "*.txt").ToList();

        Assert.True(texts.Count >= 5, $"Expected at least five fixtures in {FixturesFolder}.");
        Assert.All(texts, path => Assert.True(File.Exists(Path.ChangeExtension(path, ".expected.json")), path));
    }

    [Fact]
    public void FirstNonEmptyLineIsTheHeadline()
    {
        var article = Parse("", "  ", "Storm Closes Schools", "", "Schools were closed on Monday.");

        Assert.Equal("Storm Closes Schools", article.Headline);
        Assert.Equal("Schools were closed on Monday.", article.BodyMarkdown);
    }

    [Fact]
    public void FurnitureAboveTheHeadlineIsDroppedRatherThanTakenForTheHeadline()
    {
        var article = Parse("Advertisement", "SKIP ADVERTISEMENT", "Updated 2 hours ago", "Storm Closes Schools", "", "Schools were closed.");

        Assert.Equal("Storm Closes Schools", article.Headline);
        Assert.Equal(["Advertisement", "SKIP ADVERTISEMENT", "Updated 2 hours ago"], article.Dropped);
    }

    [Fact]
    public void BlankLinesSeparateParagraphs()
    {
        var article = Parse("Headline", "", "First paragraph.", "", "", "Second paragraph.", "", "Third paragraph.");

        Assert.Equal("First paragraph.\n\nSecond paragraph.\n\nThird paragraph.", article.BodyMarkdown);
        Assert.Null(article.Dek);
        Assert.Empty(article.Dropped);
    }

    [Fact]
    public void SingleLineBreaksInsideAParagraphAreJoinedWithASpace()
    {
        var article = Parse("Headline", "", "The first line of a wrapped", "paragraph continues here", "and ends here.", "", "Next.");

        Assert.Equal("The first line of a wrapped paragraph continues here and ends here.\n\nNext.", article.BodyMarkdown);
    }

    [Fact]
    public void WindowsLineEndingsNonBreakingSpacesTabsAndByteOrderMarkAreNormalized()
    {
        var article = PlainTextArticleParser.Parse(
            "\uFEFFHeadline\u00A0 \r\n\r\nOne\u00A0two\tthree  \r\nfour\r\n \t\u00A0\r\nFive.\rSix.\r\n");

        Assert.Equal("Headline", article.Headline);
        Assert.Equal("One two three four\n\nFive. Six.", article.BodyMarkdown);
    }

    [Fact]
    public void WhitespaceOnlyLinesSeparateParagraphs()
    {
        var article = Parse("Headline", "", "One.", "   \t ", "Two.", "\u00A0", "Three.");

        Assert.Equal("One.\n\nTwo.\n\nThree.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("Jane Doe/Reuters")]
    [InlineData("Ng Han Guan/Associated Press")]
    [InlineData("Pool photo by Mark Schiefelbein/Agence France-Presse")]
    [InlineData("Tatyana Zenkovich/EPA, via Shutterstock")]
    [InlineData("Hector Retamal/Agence France-Presse \u2014 Getty Images")]
    [InlineData("REUTERS/Thomas Peter")]
    [InlineData("Anna de la Cruz/The New York Times")]
    public void PhotoCreditLineBecomesTheImageCredit(string credit)
    {
        var article = Parse("Headline", "By Jane Roe", "", credit, "", "BEIJING \u2014 First paragraph.", "", "Second paragraph.");

        Assert.Equal(credit, article.ImageCredit);
        Assert.Null(article.ImageCaption);
        Assert.Equal("BEIJING \u2014 First paragraph.\n\nSecond paragraph.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("Photo: John Smith/AP", "John Smith/AP")]
    [InlineData("Photograph: John Smith/AP", "John Smith/AP")]
    [InlineData("Credit: John Smith/AP", "John Smith/AP")]
    [InlineData("Credit...John Smith/AP", "John Smith/AP")]
    [InlineData("PHOTO: John Smith/AP", "John Smith/AP")]
    [InlineData("(AP Photo/Ng Han Guan)", "AP Photo/Ng Han Guan")]
    public void LabelInFrontOfThePhotoCreditIsStripped(string line, string credit)
    {
        var article = Parse("Headline", "By Jane Roe", "", line, "", "BEIJING \u2014 Text.");

        Assert.Equal(credit, article.ImageCredit);
    }

    [Fact]
    public void ParagraphBeforeThePhotoCreditBecomesTheCaption()
    {
        var article = Parse(
            "Headline", "", "Rescuers searched the rubble on Monday.", "Jane Doe/Reuters", "",
            "By Ann Poe", "", "ANKARA, Turkey \u2014 Rescuers worked through the night.", "", "More text.");

        Assert.Equal("Rescuers searched the rubble on Monday.", article.ImageCaption);
        Assert.Equal("Jane Doe/Reuters", article.ImageCredit);
        Assert.Null(article.Dek);
        Assert.Equal(["Ann Poe"], article.Authors);
        Assert.Equal("ANKARA, Turkey \u2014 Rescuers worked through the night.\n\nMore text.", article.BodyMarkdown);
    }

    [Fact]
    public void ParagraphAfterThePhotoCreditBecomesTheCaptionWhenNoneCameBefore()
    {
        var article = Parse(
            "Headline", "A short dek about the story.", "", "Photo: John Smith/AP", "A caption after its credit.", "",
            "By Ann Poe", "", "First paragraph.", "", "Second paragraph.");

        Assert.Equal("A short dek about the story.", article.Dek);
        Assert.Equal("A caption after its credit.", article.ImageCaption);
        Assert.Equal("John Smith/AP", article.ImageCredit);
        Assert.Equal("First paragraph.\n\nSecond paragraph.", article.BodyMarkdown);
    }

    [Fact]
    public void PhotoInsideTheStoryTakesTheParagraphBeforeItsCreditAsCaption()
    {
        var article = Parse(
            "Headline", "", "LIMA, Peru \u2014 First paragraph.", "", "Second paragraph.", "",
            "Protesters marched in Lima on Sunday.", "Martin Mejia/Associated Press", "", "Third paragraph.");

        Assert.Equal("Protesters marched in Lima on Sunday.", article.ImageCaption);
        Assert.Equal("Martin Mejia/Associated Press", article.ImageCredit);
        Assert.Equal("LIMA, Peru \u2014 First paragraph.\n\nSecond paragraph.\n\nThird paragraph.", article.BodyMarkdown);
    }

    [Fact]
    public void OpeningParagraphWithADatelineIsNeverTakenForACaption()
    {
        var article = Parse("Headline", "", "LIMA, Peru \u2014 First paragraph.", "Martin Mejia/Associated Press", "", "Second paragraph.", "", "Third.");

        Assert.Equal("Second paragraph.", article.ImageCaption);
        Assert.Equal("LIMA, Peru \u2014 First paragraph.\n\nThird.", article.BodyMarkdown);
    }

    [Fact]
    public void OnlyTheFirstPhotoCreditIsKeptAndLaterOnesAreDropped()
    {
        var article = Parse(
            "Headline", "", "Caption one.", "Jane Doe/Reuters", "", "BERLIN \u2014 Text.", "", "More text.", "", "John Roe/AFP", "", "End.");

        Assert.Equal("Jane Doe/Reuters", article.ImageCredit);
        Assert.Equal("Caption one.", article.ImageCaption);
        Assert.Equal(["John Roe/AFP"], article.Dropped);
        Assert.Equal("BERLIN \u2014 Text.\n\nMore text.\n\nEnd.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("FILE - Lava flows down Mount Merapi. (AP Photo/Slamet Riyadi, File)", "FILE - Lava flows down Mount Merapi.", "AP Photo/Slamet Riyadi, File")]
    [InlineData("Tourists wait in the shade. Photograph: Nikos Papadakis/AP", "Tourists wait in the shade.", "Nikos Papadakis/AP")]
    [InlineData("Technicians inspect a blade.Credit...Sophie Park for The New York Times", "Technicians inspect a blade.", "Sophie Park for The New York Times")]
    public void CaptionLineEndingWithACreditGivesBothCaptionAndCredit(string line, string caption, string credit)
    {
        var article = Parse("Headline", "By Jane Roe", line, "", "First paragraph.");

        Assert.Equal(caption, article.ImageCaption);
        Assert.Equal(credit, article.ImageCredit);
        Assert.Equal("First paragraph.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("Credit...Sophie Park for The New York Times", "Sophie Park for The New York Times")]
    [InlineData("Photo: Getty Images", "Getty Images")]
    public void LabelledCreditNeedsNoSlash(string line, string credit)
    {
        var article = Parse("Headline", "", "A caption.", line, "", "By Jane Roe", "", "Text.");

        Assert.Equal(credit, article.ImageCredit);
        Assert.Equal("A caption.", article.ImageCaption);
        Assert.Equal("Text.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("Sophie Park for The New York Times")]
    [InlineData("Photo: the view from the summit")]
    [InlineData("The vote was close (Smith/Jones)")]
    public void CreditLikeTextWithoutSlashOrSentenceBeforeItStaysInTheBody(string line)
    {
        var article = Parse("Headline", "", "First paragraph.", "", line, "", "Last paragraph.");

        Assert.Null(article.ImageCredit);
        Assert.Equal("First paragraph.\n\n" + line + "\n\nLast paragraph.", article.BodyMarkdown);
    }

    [Fact]
    public void LinesLongerThanAnyHardWrapAreParagraphsOfTheirOwn()
    {
        var longLine = "The volcano, which sits on the densely populated island of Java, has been at the second-highest alert level since 2020, officials from the national disaster agency said on Wednesday.";
        var article = Parse("Headline", "", longLine, "No casualties were reported.", "Officials extended the danger zone.");

        Assert.True(longLine.Length > 150);
        Assert.Equal(longLine + "\n\nNo casualties were reported.\n\nOfficials extended the danger zone.", article.BodyMarkdown);
    }

    [Fact]
    public void ReportingFromLineGivesTheDatelineWhenTheStoryHasNone()
    {
        var article = Parse("Headline", "", "By Daniel Ortega", "Reporting from New Bedford, Mass.", "", "The cranes were still.");

        Assert.Equal("New Bedford, Mass.", article.Dateline);
        Assert.Equal(["Daniel Ortega"], article.Authors);
        Assert.Equal("The cranes were still.", article.BodyMarkdown);
        Assert.Empty(article.Dropped);
    }

    [Fact]
    public void DatelineInTheStoryWinsOverTheReportingFromLine()
    {
        var article = Parse("Headline", "", "By Daniel Ortega", "Reporting from Boston", "", "NEW BEDFORD, Mass. \u2014 The cranes were still.");

        Assert.Equal("NEW BEDFORD, Mass.", article.Dateline);
    }

    [Fact]
    public void FileLabelOfAnOldPhotoIsNotADateline()
    {
        var article = Parse("Headline", "", "FILE - Lava flows down Mount Merapi in 2021.", "", "Text.");

        Assert.Null(article.Dateline);
    }

    [Fact]
    public void DateLineBelowABylineTheParserCannotReadIsStillDropped()
    {
        var article = Parse(
            "Headline", "A standfirst.", "Tourists wait. Photograph: Jane Doe/AP", "Helena Smith in Athens", "Wed 1 Mar 2023 05.09 GMT",
            "Greece has closed the Acropolis.", "", "Text.");

        Assert.Equal("A standfirst.", article.Dek);
        Assert.Equal(["Wed 1 Mar 2023 05.09 GMT"], article.Dropped);
        Assert.Equal("Helena Smith in Athens\n\nGreece has closed the Acropolis.\n\nText.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("The new rules take effect on", "March 1, 2023.")]
    [InlineData("The vote was held on Wednesday,", "March 1, 2023, at")]
    [InlineData("The vote was held", "on Wednesday, March 1, 2023")]
    public void DateInsideAHardWrappedParagraphStaysInIt(string first, string second)
    {
        var article = Parse("Headline", "By Jane Doe", "", first, second, "", "Text.");

        Assert.Empty(article.Dropped);
        Assert.Equal(first + " " + second + "\n\nText.", article.BodyMarkdown);
    }

    [Fact]
    public void DateLineDeepInTheStoryStays()
    {
        string[] paragraphs = ["1 One.", "2 Two.", "3 Three.", "4 Four.", "5 Five.", "6 Six.", "7 Seven.", "8 Eight.", "9 Nine.", "10 Ten."];
        var article = PlainTextArticleParser.Parse(string.Join("\n\n", ["Headline", .. paragraphs, "March 1, 2023", "11 Eleven."]));

        Assert.Empty(article.Dropped);
        Assert.Equal(string.Join("\n\n", [.. paragraphs, "March 1, 2023", "11 Eleven."]), article.BodyMarkdown);
    }

    [Theory]
    [InlineData("the 24/7 news cycle")]
    [InlineData("Supporters and/or Critics")]
    [InlineData("https://example.com/news/today")]
    [InlineData("Add 1/2 cup of sugar")]
    [InlineData("www.Example.com/News")]
    [InlineData("Jane Doe/Reuters said it was true.")]
    [InlineData("Biden/Harris 2024")]
    [InlineData("Jane Doe/Reuters: the full story")]
    public void ShortLinesWithASlashThatAreNotCreditsStayInTheBody(string line)
    {
        var article = Parse("Headline", "", "First paragraph.", "", line, "", "Last paragraph.");

        Assert.Null(article.ImageCredit);
        Assert.Null(article.ImageCaption);
        Assert.Equal("First paragraph.\n\n" + line + "\n\nLast paragraph.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("Keith Bradsher contributed reporting.")]
    [InlineData("Keith Bradsher contributed reporting from Beijing.")]
    [InlineData("Keith Bradsher and Joy Dong contributed reporting.")]
    [InlineData("Keith Bradsher, Joy Dong and Li You contributed reporting from Kyiv, Ukraine.")]
    [InlineData("Alain Delaqu\u00e9ri\u00e8re contributed research.")]
    [InlineData("Susan C. Marsh contributed additional research.")]
    public void ClosingContributedReportingLineBecomesACredit(string line)
    {
        var article = Parse("Headline", "", "First paragraph.", "", "Last paragraph.", "", line);

        Assert.Equal([line], article.Credits);
        Assert.Equal("First paragraph.\n\nLast paragraph.", article.BodyMarkdown);
    }

    [Fact]
    public void TwoCreditSentencesOnOneLineBecomeTwoCredits()
    {
        var article = Parse("Headline", "", "Text.", "", "Keith Bradsher contributed reporting. Kitty Bennett contributed research.");

        Assert.Equal(["Keith Bradsher contributed reporting.", "Kitty Bennett contributed research."], article.Credits);
        Assert.Equal("Text.", article.BodyMarkdown);
    }

    [Fact]
    public void CreditLinesOnConsecutiveLinesAreKeptInOrder()
    {
        var article = Parse("Headline", "", "Text.", "", "Wen Qiao contributed reporting.", "Priya Raman contributed research.", "", "Share");

        Assert.Equal(["Wen Qiao contributed reporting.", "Priya Raman contributed research."], article.Credits);
        Assert.Equal(["Share"], article.Dropped);
        Assert.Equal("Text.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("The agency said it contributed reporting.")]
    [InlineData("Keith Bradsher contributed reporting and photographs.")]
    [InlineData("Keith Bradsher contributed reporting")]
    [InlineData("Keith Bradsher contributed reporting. He also said so.")]
    public void SentencesThatOnlyResembleCreditsStayInTheBody(string line)
    {
        var article = Parse("Headline", "", "Text.", "", line);

        Assert.Empty(article.Credits);
        Assert.Equal("Text.\n\n" + line, article.BodyMarkdown);
    }

    [Fact]
    public void CreditSentenceFarFromTheEndStaysAParagraph()
    {
        var article = Parse("Headline", "", "One.", "", "Jane Doe contributed reporting.", "", "Two.", "", "Three.", "", "Four.", "", "Five.", "", "Six.");

        Assert.Empty(article.Credits);
        Assert.Equal("One.\n\nJane Doe contributed reporting.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.", article.BodyMarkdown);
    }

    [Fact]
    public void CommentFormPromptsAreDroppedAndListedInInputOrder()
    {
        var article = Parse(
            "Headline", "", "Text.", "", "Leave a Reply", "Cancel reply", "Your email address will not be published.",
            "Required fields are marked *", "Comment *", "Name *", "Email *", "Website",
            "Save my name, email, and website in this browser for the next time I comment.", "Post Comment");

        Assert.Equal("Text.", article.BodyMarkdown);
        Assert.Equal(
            [
                "Leave a Reply", "Cancel reply", "Your email address will not be published.", "Required fields are marked *",
                "Comment *", "Name *", "Email *", "Website",
                "Save my name, email, and website in this browser for the next time I comment.", "Post Comment",
            ],
            article.Dropped);
    }

    [Theory]
    [InlineData("Share")]
    [InlineData("SHARE FULL ARTICLE")]
    [InlineData("Share on Facebook")]
    [InlineData("Tweet")]
    [InlineData("Email")]
    [InlineData("Print")]
    [InlineData("Click to share on Twitter (Opens in new window)")]
    [InlineData("Like this:")]
    [InlineData("Like Loading\u2026")]
    [InlineData("Subscribe")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Sign up for the Morning Briefing newsletter")]
    [InlineData("Advertisement")]
    [InlineData("SKIP ADVERTISEMENT")]
    [InlineData("Related: Ports reopen after storm")]
    [InlineData("Read more: Ports reopen after storm")]
    [InlineData("See more on Ukraine")]
    [InlineData("Continue reading the main story")]
    [InlineData("Listen to this article \u00B7 5:09 min Learn more")]
    [InlineData("Read in app")]
    [InlineData("Give this article")]
    [InlineData("Comments (12)")]
    [InlineData("12 Comments")]
    [InlineData("Read 87 Comments")]
    [InlineData("Supported by")]
    [InlineData("A version of this article appears in print on March 2, 2023, Section B, Page 1 of the New York edition.")]
    [InlineData("Photos: Inside the flooded city")]
    [InlineData("Sponsored")]
    [InlineData("We use cookies to improve your experience on our site.")]
    [InlineData("cancel reply")]
    public void PageFurnitureInsideTheStoryIsDroppedAndListed(string line)
    {
        var article = Parse("Headline", "", "Before.", "", line, "", "After.");

        Assert.Equal("Before.\n\nAfter.", article.BodyMarkdown);
        Assert.Equal([line], article.Dropped);
    }

    [Theory]
    [InlineData("Readers can subscribe to the newsletter for free, the company said.")]
    [InlineData("Share prices fell sharply on Tuesday.")]
    [InlineData("Leave a reply in the comments, the mayor told residents.")]
    [InlineData("Advertisement revenue fell by a third.")]
    [InlineData("Email.")]
    [InlineData("By continuing to use coal, the country will miss its targets.")]
    public void ParagraphThatMerelyMentionsFurnitureWordsIsKept(string line)
    {
        var article = Parse("Headline", "", "Before.", "", line, "", "After.");

        Assert.Equal("Before.\n\n" + line + "\n\nAfter.", article.BodyMarkdown);
        Assert.Empty(article.Dropped);
    }

    [Fact]
    public void EverythingAfterTheCommentFormIsDroppedButCreditsAreKept()
    {
        var article = Parse(
            "Headline", "", "Text.", "", "Leave a Reply", "", "Jane Reader says:", "I disagree with this article entirely.",
            "", "Jane Doe contributed reporting.");

        Assert.Equal("Text.", article.BodyMarkdown);
        Assert.Equal(["Jane Doe contributed reporting."], article.Credits);
        Assert.Equal(["Leave a Reply", "Jane Reader says:", "I disagree with this article entirely."], article.Dropped);
    }

    [Fact]
    public void RelatedStoriesListAtTheEndIsDropped()
    {
        var article = Parse(
            "Headline", "", "Text.", "", "Related", "", "Ferry service suspended", "March 3, 2023", "In \"Canada\"");

        Assert.Equal("Text.", article.BodyMarkdown);
        Assert.Equal(["Related", "Ferry service suspended", "March 3, 2023", "In \"Canada\""], article.Dropped);
    }

    [Fact]
    public void RelatedHeadingFollowedByMoreStoryDoesNotSwallowTheStory()
    {
        var article = Parse("Headline", "", "Text.", "", "Related", "Ferry service suspended", "", "The story goes on.");

        Assert.Equal("Text.\n\nFerry service suspended\n\nThe story goes on.", article.BodyMarkdown);
        Assert.Equal(["Related"], article.Dropped);
    }

    [Fact]
    public void DekIsTheShortLineBetweenHeadlineAndByline()
    {
        var article = Parse("Headline", "Officials say the closures will continue.", "", "By Jane Doe", "", "Text.");

        Assert.Equal("Officials say the closures will continue.", article.Dek);
        Assert.Equal(["Jane Doe"], article.Authors);
        Assert.Equal("Text.", article.BodyMarkdown);
    }

    [Fact]
    public void DekIsFollowedByTheDateLineWhenThereIsNoByline()
    {
        var article = Parse("Headline", "", "A short standfirst.", "", "March 1, 2023", "", "Text.");

        Assert.Equal("A short standfirst.", article.Dek);
        Assert.Equal(["March 1, 2023"], article.Dropped);
    }

    [Fact]
    public void ShortFirstParagraphWithoutBylineAfterItIsNotADek()
    {
        var article = Parse("Headline", "", "A short first paragraph.", "", "A second paragraph.");

        Assert.Null(article.Dek);
        Assert.Equal("A short first paragraph.\n\nA second paragraph.", article.BodyMarkdown);
    }

    [Fact]
    public void LongLineBeforeTheBylineIsNotADek()
    {
        var longLine = new string('x', 301);
        var article = Parse("Headline", longLine, "", "March 1, 2023", "", "Text.");

        Assert.Null(article.Dek);
        Assert.Equal(longLine + "\n\nText.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("By Jane Doe", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe and John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("By Jane Doe, John Roe and Ann Poe", new[] { "Jane Doe", "John Roe", "Ann Poe" })]
    [InlineData("By Jane Doe, John Roe, and Ann Poe", new[] { "Jane Doe", "John Roe", "Ann Poe" })]
    [InlineData("BY JANE DOE", new[] { "Jane Doe" })]
    [InlineData("BY JEAN-PAUL O'NEIL AND ANN POE", new[] { "Jean-Paul O'Neil", "Ann Poe" })]
    [InlineData("By Jane Doe | Reuters", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe, Reuters", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe \u00B7 4 min read", new[] { "Jane Doe" })]
    [InlineData("By Ana de la Cruz and Kevin McDonald", new[] { "Ana de la Cruz", "Kevin McDonald" })]
    [InlineData("by Jane Doe", new[] { "Jane Doe" })]
    [InlineData("BY AP", new[] { "AP" })]
    public void BylineGivesTheAuthors(string byline, string[] authors)
    {
        var article = Parse("Headline", byline, "", "Text.");

        Assert.Equal(authors, article.Authors);
        Assert.Equal("Text.", article.BodyMarkdown);
        Assert.Empty(article.Dropped);
    }

    [Theory]
    [InlineData("By the time rescuers arrived, the river had burst its banks.")]
    [InlineData("By Tuesday, officials said, the water had receded.")]
    [InlineData("Byron Hale, 52, lost his home.")]
    public void ParagraphStartingWithByIsNotAByline(string line)
    {
        var article = Parse("Headline", "", line, "", "Text.");

        Assert.Empty(article.Authors);
        Assert.Equal(line + "\n\nText.", article.BodyMarkdown);
    }

    [Fact]
    public void BylineBehindADekTooLongToBeOneIsStillRead()
    {
        var longDek = "A standfirst that runs on " + new string('x', 300);
        var article = Parse("Headline", longDek, "", "By Jane Doe", "", "Text.");

        Assert.Null(article.Dek);
        Assert.Equal(["Jane Doe"], article.Authors);
        Assert.Equal(longDek + "\n\nText.", article.BodyMarkdown);
    }

    [Fact]
    public void BylineDeepInTheStoryIsLeftAsAParagraph()
    {
        string[] paragraphs = ["1 One.", "2 Two.", "3 Three.", "4 Four.", "5 Five.", "6 Six.", "7 Seven.", "8 Eight.", "9 Nine.", "10 Ten."];
        var article = PlainTextArticleParser.Parse(string.Join("\n\n", ["Headline", "By Ann Poe", .. paragraphs, "By Jane Doe"]));

        Assert.Equal(["Ann Poe"], article.Authors);
        Assert.Equal(string.Join("\n\n", [.. paragraphs, "By Jane Doe"]), article.BodyMarkdown);
    }

    [Theory]
    [InlineData("March 1, 2023")]
    [InlineData("Published March 1, 2023 Updated 5:09 a.m. ET")]
    [InlineData("Mar 1, 2023, 9:00 AM EST")]
    [InlineData("Updated 2 hours ago")]
    [InlineData("Updated 5:09 AM EST, March 1, 2023")]
    [InlineData("First published on Tue 28 Feb 2023 23.00 GMT")]
    [InlineData("2023-03-01")]
    public void DateLineNearTheTopIsDroppedAndListed(string line)
    {
        var article = Parse("Headline", "By Jane Doe", line, "", "Text.");

        Assert.Equal([line], article.Dropped);
        Assert.Equal(["Jane Doe"], article.Authors);
        Assert.Equal("Text.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("2023")]
    [InlineData("March came in like a lion.")]
    [InlineData("Updated figures are due on Friday.")]
    public void LinesThatOnlyResembleDatesAreKept(string line)
    {
        var article = Parse("Headline", "By Jane Doe", "", line, "", "Text.");

        Assert.Empty(article.Dropped);
        Assert.Equal(line + "\n\nText.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("BEIJING \u2014 China said on Monday.", "BEIJING")]
    [InlineData("WASHINGTON (AP) \u2014 The Senate voted.", "WASHINGTON")]
    [InlineData("KYIV, Ukraine \u2014 Air raid sirens sounded.", "KYIV, Ukraine")]
    [InlineData("ST. LOUIS, Mo. \u2014 The river rose.", "ST. LOUIS, Mo.")]
    [InlineData("LONDON, March 1 (Reuters) - Shares fell.", "LONDON")]
    [InlineData("NEW YORK\u2014Stocks rose.", "NEW YORK")]
    [InlineData("\u041a\u0418\u0407\u0412 \u2014 \u0423\u0440\u044f\u0434 \u0437\u0430\u044f\u0432\u0438\u0432.", "\u041a\u0418\u0407\u0412")]
    public void DatelineIsReportedAndTheParagraphIsKeptIntact(string paragraph, string place)
    {
        var article = Parse("Headline", "", paragraph, "", "Text.");

        Assert.Equal(place, article.Dateline);
        Assert.Equal(paragraph + "\n\nText.", article.BodyMarkdown);
    }

    [Theory]
    [InlineData("The report \u2014 released on Monday \u2014 was long.")]
    [InlineData("China said on Monday that exports rose.")]
    [InlineData("Beijing \u2014 the capital \u2014 was quiet.")]
    public void OrdinaryOpeningSentenceHasNoDateline(string paragraph)
    {
        var article = Parse("Headline", "", paragraph, "", "Text.");

        Assert.Null(article.Dateline);
    }

    [Fact]
    public void DatelineIsOnlyLookedForInTheFirstParagraph()
    {
        var article = Parse("Headline", "", "Text.", "", "BEIJING \u2014 More text.");

        Assert.Null(article.Dateline);
    }

    [Theory]
    [InlineData("1. Not a list", "1\\. Not a list")]
    [InlineData("2023. That year was hard.", "2023\\. That year was hard.")]
    [InlineData("3) Also not a list", "3\\) Also not a list")]
    [InlineData("# Not a heading", "\\# Not a heading")]
    [InlineData("> Not a quote", "\\> Not a quote")]
    [InlineData("- Not a bullet", "\\- Not a bullet")]
    [InlineData("+ Not a bullet", "\\+ Not a bullet")]
    [InlineData("* Not a bullet", "\\* Not a bullet")]
    [InlineData("---", "\\---")]
    [InlineData("a *b* _c_ `d` [e](f) <g> ~h~ \\i", "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g> \\~h\\~ \\\\i")]
    [InlineData("AT&T and &amp; and &#169;", "AT&T and \\&amp; and \\&#169;")]
    [InlineData("-5 degrees, 10 > 9, 2 + 2 = 4 #1", "-5 degrees, 10 > 9, 2 + 2 = 4 #1")]
    [InlineData("C++ and a == b and 2^10", "C\\+\\+ and a \\=\\= b and 2\\^10")]
    [InlineData("See https://example.com/news now", "See https://example.com/news now")]
    [InlineData("See https://example.com/a_b now", "See <https://example.com/a_b> now")]
    [InlineData("See www.example.com/a_b now", "See &#119;ww.example.com/a\\_b now")]
    [InlineData("Call tel:+15550100", "Call &#116;el:+15550100")]
    public void MarkdownSpecialCharactersAreEscaped(string paragraph, string markdown)
    {
        var article = Parse("Headline", "", paragraph);

        Assert.Equal(markdown, article.BodyMarkdown);
    }

    [Theory]
    [InlineData("a *b* _c_ `d` [e](f) <g> ~h~ ~~i~~ ^j^ ++k++ ==l== [^1] \\m &amp; AT&T")]
    [InlineData("1. Not a list")]
    [InlineData("# Not a heading")]
    [InlineData("> Not a quote")]
    [InlineData("- Not a bullet")]
    [InlineData("+ Not a bullet")]
    [InlineData("^^^ Not a figure")]
    [InlineData("a | b | c")]
    [InlineData("<div>Not HTML</div> <!X nor a declaration>")]
    [InlineData("Links: https://example.com/a_b*c*, www.example.com/x_y~z~ and mailto:a_b@example.com")]
    [InlineData("Call tel:+15550100 or see www.example.com")]
    public void EscapedBodyRendersAsTheOriginalText(string paragraph)
    {
        var article = Parse("Headline", "", paragraph);

        Assert.Equal(paragraph, RenderAsPlainText(article.BodyMarkdown));
    }

    [Fact]
    public void HeadlineDekAndCaptionStayPlainText()
    {
        var article = Parse("*Breaking*: A_B", "The [draft] dek.", "By Jane Doe", "", "Text.");

        Assert.Equal("*Breaking*: A_B", article.Headline);
        Assert.Equal("The [draft] dek.", article.Dek);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\r\n\t\n")]
    [InlineData("\uFEFF")]
    [InlineData("\u00A0\n\u200B")]
    public void TextWithoutAnyLineThrowsAClearImportError(string text)
    {
        var error = Assert.Throws<PlainTextImportException>(() => PlainTextArticleParser.Parse(text));

        Assert.Equal("The file has no text: an article needs at least a headline.", error.Message);
    }

    [Fact]
    public void TextWithOnlyPageFurnitureThrowsAClearImportError()
    {
        var error = Assert.Throws<PlainTextImportException>(() => PlainTextArticleParser.Parse("Advertisement\n\nShare\n"));

        Assert.Equal("The file has only page furniture such as \"Advertisement\": an article needs at least a headline.", error.Message);
    }

    [Fact]
    public void NullTextIsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => PlainTextArticleParser.Parse(null!));
    }

    [Fact]
    public void TextWithoutANewlineIsOnlyAHeadline()
    {
        var article = PlainTextArticleParser.Parse("Just one line of text");

        Assert.Equal("Just one line of text", article.Headline);
        Assert.Equal(string.Empty, article.BodyMarkdown);
        Assert.Empty(article.Dropped);
    }

    [Fact]
    public void OneMegabyteLineIsKeptWhole()
    {
        var line = string.Concat(Enumerable.Repeat("Jane Doe/Reuters and the 24/7 news cycle \u2014 ", 25_000));
        var stopwatch = Stopwatch.StartNew();

        var article = Parse("Headline", "", line.TrimEnd(), "", "End.");

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Took {stopwatch.Elapsed}.");
        Assert.Equal(line.TrimEnd() + "\n\nEnd.", article.BodyMarkdown);
        Assert.Null(article.ImageCredit);
    }

    [Fact]
    public void OneMegabyteTextWithoutNewlineBecomesTheHeadline()
    {
        var text = new string('A', 1_048_576);

        var article = PlainTextArticleParser.Parse(text);

        Assert.Equal(text, article.Headline);
        Assert.Equal(string.Empty, article.BodyMarkdown);
    }

    [Fact]
    public void FiveMegabyteArticleIsParsedInLinearTime()
    {
        var paragraph = "Officials said the 24/7 operation would continue, and/or expand, by March 1, 2023. ";
        var text = new StringBuilder("Headline\n\nBy Jane Doe\n\n");
        for (var i = 0; i < 60_000; i++)
        {
            text.Append(paragraph).Append("\n\n");
        }

        text.Append("Jane Doe contributed reporting.\n");
        var stopwatch = Stopwatch.StartNew();

        var article = PlainTextArticleParser.Parse(text.ToString());

        Assert.True(text.Length > 5_000_000);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"Took {stopwatch.Elapsed}.");
        Assert.Equal(60_000, article.BodyMarkdown.Split("\n\n").Length);
        Assert.Equal(["Jane Doe contributed reporting."], article.Credits);
    }

    [Theory]
    [InlineData("Related\n", 1, 0, 100_000)]
    [InlineData("Jane Doe/Reuters\n", 0, 0, 99_999)]
    [InlineData("Share\nText.\n", 100_001, 0, 100_000)]
    [InlineData("A\n", 2, 0, 0)]
    [InlineData("By A, B, C, D, E\n", 0, 5, 0)]
    [InlineData("A contributed reporting. ", 2, 0, 0)]
    [InlineData("http://a_/", 2, 0, 0)]
    [InlineData("www.a_.", 2, 0, 0)]
    public void ManyRepeatedTrickyLinesAreParsedInLinearTime(string repeated, int paragraphs, int authors, int dropped)
    {
        var text = "Headline\n\nText.\n\n" + string.Concat(Enumerable.Repeat(repeated, 100_000));
        var stopwatch = Stopwatch.StartNew();

        var article = PlainTextArticleParser.Parse(text);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"Took {stopwatch.Elapsed}.");
        Assert.Equal("Headline", article.Headline);
        Assert.Equal(paragraphs, article.BodyMarkdown.Length == 0 ? 0 : article.BodyMarkdown.Split("\n\n").Length);
        Assert.Equal(authors, article.Authors.Count);
        Assert.Equal(dropped, article.Dropped.Count);
    }

    [Fact]
    public void BinaryJunkIsParsedWithoutControlCharactersOrBrokenSurrogates()
    {
        var bytes = new byte[200_000];
        new Random(20230301).NextBytes(bytes);
        var text = Encoding.UTF8.GetString(bytes) + "\uD800 lone \uDC00 surrogates";

        var article = PlainTextArticleParser.Parse(text);

        var everything = string.Join("\n", [article.Headline, article.BodyMarkdown, .. article.Dropped]);
        Assert.NotEmpty(article.Headline);
        Assert.DoesNotContain(everything, c => char.IsControl(c) && c != '\n');
        Assert.True(TextRules.IsWellFormed(everything));
        Assert.EndsWith("\uFFFD lone \uFFFD surrogates", article.BodyMarkdown, StringComparison.Ordinal);
        Assert.NotEmpty(JsonSerializer.Serialize(article, GoldenJson));
    }

    // Through the site's own article pipeline, so that a Markdown extension added there later is
    // caught here. Its SmartyPants step curls quotes and turns "--" into dashes, so the test
    // paragraphs avoid those on purpose.
    private static string RenderAsPlainText(string markdown)
    {
        var html = ArticlePipeline.ToHtml(markdown);
        return WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", string.Empty, RegexOptions.None, TimeSpan.FromSeconds(1))).Trim();
    }

    private static PlainTextArticle Parse(params string[] lines) => PlainTextArticleParser.Parse(string.Join("\n", lines));

    // The test project directory: the nearest folder above the test binaries that holds a project file.
    private static string? SourceFixturesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var fixtures = Path.Combine(folder.FullName, "Fixtures", "Text");
            if (folder.EnumerateFiles("*.csproj").Any() && Directory.Exists(fixtures))
            {
                return fixtures;
            }
        }

        return null;
    }
}
