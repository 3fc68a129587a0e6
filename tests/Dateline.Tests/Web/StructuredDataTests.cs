using System.Text.Json;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Dateline.Tests.Web;

public sealed class StructuredDataTests
{
    private const string Base = "https://news.example.org";

    [Fact]
    public void NothingInJsonLdCanCloseOrCommentOutItsScriptElement()
    {
        const string headline = "</script><script>alert(1)</script><!-- & 'quoted' \"too\" Zürich 東京";
        using var services = ClockServices.InZone("Europe/Paris");
        var clock = services.GetRequiredService<SiteClock>();
        var at = new DateTime(2024, 7, 1, 8, 30, 15, DateTimeKind.Utc);
        var article = new ArticleView(
            7, headline, "h", "</script>", null, "", "", [new PersonView("</script>", "x", null)], [], null, [new NameView("</script>", "t")], null,
            ArticleStatus.Published, at, DateOnly.FromDateTime(at), at, at.AddHours(1),
            [new NoteView(1, ArticleNoteKind.Correction, at.AddMinutes(5), "</script> wrong"), new NoteView(2, ArticleNoteKind.Update, at.AddMinutes(9), "More.")],
            true, 3, null, null, Guid.NewGuid());
        var site = new DatelineOptions { SiteTitle = "</script> Gazette" };

        var text = StructuredData.Serialize(ArticleJsonLd.For(article, Base + "/a/", Base, StructuredData.Publisher(Base, site), clock));

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&", text, StringComparison.Ordinal);
        // Non-Latin text stays readable; only markup is escaped.
        Assert.Contains("Zürich 東京", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(headline, root.GetProperty("headline").GetString());
        Assert.Equal("</script> Gazette", root.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("2024-07-01T10:30:15+02:00", root.GetProperty("datePublished").GetString());
        Assert.Equal("2024-07-01T11:30:15+02:00", root.GetProperty("dateModified").GetString());
        var correction = Assert.Single(root.GetProperty("correction").EnumerateArray());
        Assert.Equal("</script> wrong", correction.GetProperty("text").GetString());
        Assert.Equal("2024-07-01T10:35:15+02:00", correction.GetProperty("datePublished").GetString());
    }

    [Fact]
    public void AScheduledArticleSavedBeforeItWentOutWasModifiedWhenItWasPublished()
    {
        using var services = ClockServices.InZone("UTC");
        var published = new DateTime(2024, 7, 1, 9, 0, 0, DateTimeKind.Utc);
        var article = new ArticleView(
            1, "H", "h", null, null, "", "", [], [], null, [], null, ArticleStatus.Scheduled, published, DateOnly.FromDateTime(published),
            published.AddDays(-1), published.AddHours(-3), [], true, 0, null, null, Guid.NewGuid());
        var json = ArticleJsonLd.For(article, Base + "/a/", Base, StructuredData.Publisher(Base, new DatelineOptions()), services.GetRequiredService<SiteClock>());
        Assert.Equal("2024-07-01T09:00:00+00:00", (string?)json["dateModified"]);
    }

    [Fact]
    public void BreadcrumbsStartAtHomeAndNumberEveryStep()
    {
        var list = StructuredData.BreadcrumbList(Base, [new Crumb("2024", "/2024/"), new Crumb("July 2024", "/2024/07/")]);
        Assert.Equal(
            """{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"https://news.example.org/"},{"@type":"ListItem","position":2,"name":"2024","item":"https://news.example.org/2024/"},{"@type":"ListItem","position":3,"name":"July 2024","item":"https://news.example.org/2024/07/"}]}""",
            StructuredData.Serialize(list));
    }

    [Fact]
    public void ThePublisherLogoIsTheShippedOneWithItsSizeOrTheConfiguredOneWithout()
    {
        var shipped = StructuredData.Publisher(Base, new DatelineOptions());
        Assert.Equal(
            """{"@type":"Organization","name":"Dateline","url":"https://news.example.org/","logo":{"@type":"ImageObject","url":"https://news.example.org/logo.png","width":512,"height":512}}""",
            StructuredData.Serialize(shipped));
        Assert.Equal(Base + "/media/m.png", (string?)StructuredData.Publisher(Base, new DatelineOptions { LogoUrl = "/media/m.png" })["logo"]!["url"]);
        var elsewhere = StructuredData.Publisher(Base, new DatelineOptions { LogoUrl = "https://cdn.example.net/logo.png" });
        Assert.Equal("https://cdn.example.net/logo.png", (string?)elsewhere["logo"]!["url"]);
        Assert.Null(elsewhere["logo"]!["width"]);
    }

    [Theory]
    [InlineData("en-GB", "en_GB")]
    [InlineData("pt-BR", "pt_BR")]
    [InlineData("zh-Hant-TW", "zh_TW")]
    [InlineData("es-419", "es_419")]
    [InlineData("en", "en_US")]
    [InlineData("fr", "fr_FR")]
    [InlineData("de", "de_DE")]
    public void TheOpenGraphLocaleIsLanguageAndTerritory(string language, string locale)
    {
        Assert.Equal(locale, StructuredData.OgLocale(language));
    }
}
