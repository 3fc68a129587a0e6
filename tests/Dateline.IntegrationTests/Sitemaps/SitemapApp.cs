using Dateline.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Dateline.IntegrationTests.Sitemaps;

/// <summary>
/// A site with a public URL, a time zone with an offset and summer time, a regional language,
/// and a clock of its own. The clock stands days before the real one: articles the sitemaps show
/// or leave out by the fake time would be judged the other way by the system's.
/// </summary>
public class SitemapApp : DatelineApp
{
    public const string SiteUrl = "https://news.example.org";

    // Paris has just moved to summer time: now is +02:00, two days ago was +01:00.
    public static readonly DateTimeOffset Now = new(2024, 3, 31, 12, 0, 0, TimeSpan.Zero);

    protected SitemapApp(Provider provider)
        : base(provider)
    {
        Time = Clock;
        Settings["Dateline:SiteUrl"] = SiteUrl;
        Settings["Dateline:TimeZone"] = "Europe/Paris";
        Settings["Dateline:Language"] = "en-GB";
        Settings["Dateline:SiteTitle"] = "The Example & Co Times";
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public static TimeZoneInfo Paris => TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
}

public sealed class SitemapSqliteApp() : SitemapApp(Provider.Sqlite);

public sealed class SitemapPostgresApp() : SitemapApp(Provider.Postgres);
