using System.Globalization;
using Dateline.Features.Settings;
using Dateline.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dateline.Tests.Settings;

public sealed class SiteSettingsTests
{
    [Theory]
    [InlineData("https://news.example.org", null)]
    [InlineData("http://localhost:5080/news/", null)]
    [InlineData("https://news.example.org/?utm_source=x", "Must have no query (?…) or fragment (#…).")]
    [InlineData("https://news.example.org/#top", "Must have no query (?…) or fragment (#…).")]
    [InlineData("https://news.example.org/?", "Must have no query (?…) or fragment (#…).")]
    [InlineData("ftp://news.example.org/", "Must be an absolute http or https URL.")]
    [InlineData("/relative/path", "Must be an absolute http or https URL.")]
    [InlineData("news.example.org", "Must be an absolute http or https URL.")]
    public void ASiteUrlIsAnAbsoluteWebAddressWithoutQueryOrFragment(string url, string? problem)
    {
        Assert.Equal(problem, SiteSettings.SiteUrlProblem(url));
    }

    [Theory]
    [InlineData("/logo.png", null)]
    [InlineData("/media/2024/masthead.png", null)]
    [InlineData("https://cdn.example.net/logo.png", null)]
    [InlineData("//cdn.example.net/logo.png", "Must be a path such as /media/logo.png, or an absolute http or https URL.")]
    [InlineData("javascript:alert(1)", "Must be a path such as /media/logo.png, or an absolute http or https URL.")]
    [InlineData("data:image/png;base64,AAAA", "Must be a path such as /media/logo.png, or an absolute http or https URL.")]
    [InlineData("logo.png", "Must be a path such as /media/logo.png, or an absolute http or https URL.")]
    [InlineData("/a logo.png", "Must be a path such as /media/logo.png, or an absolute http or https URL.")]
    public void ALogoIsASitePathOrAWebAddress(string url, string? problem)
    {
        Assert.Equal(problem, SiteSettings.LogoUrlProblem(url));
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("pt-BR", true)]
    [InlineData("zh-Hant-TW", true)]
    [InlineData("en_US", false)]
    [InlineData("english", false)]
    [InlineData("e", false)]
    public void ALanguageIsATag(string language, bool accepted)
    {
        Assert.Equal(accepted, SiteSettings.LanguageProblem(language) is null);
    }

    [Fact]
    public void CheckingTrimsAndNamesEveryBadField()
    {
        var errors = new FieldErrors();
        var checkedSettings = SiteSettings.Check(new SiteSettings { SiteTitle = "  The Courier ", Tagline = " ", SiteUrl = "", TimeZone = "Nowhere/Town", Language = "" }, errors);
        Assert.Equal("The Courier", checkedSettings.SiteTitle);
        Assert.Equal("", checkedSettings.Tagline);
        Assert.Equal(["language", "timeZone"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void StoredValuesOverrideConfigurationForTheMonitorAndLeaveTheConfiguredOptionsAlone()
    {
        using var services = Services(new() { ["Dateline:SiteTitle"] = "Configured Title", ["Dateline:TimeZone"] = "UTC" });
        var monitor = services.GetRequiredService<IOptionsMonitor<DatelineOptions>>();
        var overlay = services.GetRequiredService<SiteSettingsOverlay>();
        Assert.Equal("Configured Title", monitor.CurrentValue.SiteTitle);
        var changes = 0;
        using var listening = monitor.OnChange(_ => changes++);

        Assert.True(overlay.Apply(new Dictionary<string, string> { [SiteSettings.TitleKey] = "Saved Title", [SiteSettings.UrlKey] = "", [SiteSettings.TimeZoneKey] = "Europe/Paris" }));
        Assert.Equal("Saved Title", monitor.CurrentValue.SiteTitle);
        Assert.Null(monitor.CurrentValue.SiteUrl);
        Assert.Equal("Europe/Paris", monitor.CurrentValue.TimeZone);
        Assert.Equal("Configured Title", monitor.Get(SiteSettingsOverlay.ConfiguredName).SiteTitle);
        Assert.Equal(1, changes);

        Assert.False(overlay.Apply(new Dictionary<string, string> { [SiteSettings.TitleKey] = "Saved Title", [SiteSettings.UrlKey] = "", [SiteSettings.TimeZoneKey] = "Europe/Paris" }));
        Assert.Equal(1, changes);

        Assert.True(overlay.Apply(new Dictionary<string, string>()));
        Assert.Equal("Configured Title", monitor.CurrentValue.SiteTitle);
        Assert.Equal(2, changes);
    }

    [Fact]
    public void AStoredValueThatBreaksTheRulesIsIgnoredSoPagesKeepWorking()
    {
        using var services = Services(new() { ["Dateline:TimeZone"] = "Europe/London" });
        var monitor = services.GetRequiredService<IOptionsMonitor<DatelineOptions>>();
        services.GetRequiredService<SiteSettingsOverlay>().Apply(new Dictionary<string, string>
        {
            [SiteSettings.TimeZoneKey] = "Atlantis/Capital",
            [SiteSettings.LanguageKey] = "fr",
            ["site.unknown"] = "whatever",
        });
        Assert.Equal("Europe/London", monitor.CurrentValue.TimeZone);
        Assert.Equal("fr", monitor.CurrentValue.Language);
        Assert.Equal("Europe/London", services.GetRequiredService<SiteClock>().Zone.Id);
    }

    // The shown times are put together by hand; they must read as the format strings that
    // defined them do, in zones with half-hour, quarter-hour and negative offsets, across the year.
    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("America/St_Johns")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Pacific/Chatham")]
    [InlineData("Europe/London")]
    public void ShownTimesReadAsTheFormatStringsDo(string zone)
    {
        using var services = Services(new() { ["Dateline:TimeZone"] = zone });
        var clock = services.GetRequiredService<SiteClock>();
        var random = new Random(zone.Length);
        for (var i = 0; i < 5_000; i++)
        {
            var utc = new DateTime(random.NextInt64(new DateTime(1900, 1, 1).Ticks, new DateTime(2200, 1, 1).Ticks), DateTimeKind.Utc);
            var local = clock.ToLocal(utc);
            var offset = local.Offset == TimeSpan.Zero ? "UTC" : $"UTC{(local.Offset < TimeSpan.Zero ? "-" : "+")}{local.Offset:hh\\:mm}";
            Assert.Equal(local.ToString("MMMM d, yyyy, h:mm tt", CultureInfo.InvariantCulture) + " " + offset, clock.Display(utc));
            Assert.Equal(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), SiteClock.Iso(utc));
        }
    }

    [Fact]
    public void TheSiteClockFollowsASavedTimeZone()
    {
        using var services = Services(new() { ["Dateline:TimeZone"] = "UTC" });
        var clock = services.GetRequiredService<SiteClock>();
        var noon = new DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal("January 15, 2024, 12:00 PM UTC", clock.Display(noon));
        services.GetRequiredService<SiteSettingsOverlay>().Apply(new Dictionary<string, string> { [SiteSettings.TimeZoneKey] = "America/New_York" });
        Assert.Equal("January 15, 2024, 7:00 AM UTC-05:00", clock.Display(noon));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOptions<DatelineOptions>().Bind(configuration.GetSection(DatelineOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<DatelineOptions>, DatelineOptionsValidator>();
        services.AddSiteSettings(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SiteClock>();
        return services.BuildServiceProvider();
    }
}
