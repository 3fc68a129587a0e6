using System.Globalization;

namespace Dateline.Features.Feeds;

/// <summary>
/// Times as feeds write them: stored in UTC, shown in the site's time zone with its offset, so
/// that a reader's "9:00" is the newsroom's.
/// </summary>
public static class FeedDates
{
    /// <summary>RFC 822 as RSS 2.0 wants it, with a four-digit year: "Wed, 01 Mar 2023 09:00:00 +0100".</summary>
    public static string Rfc822(DateTime utc, TimeZoneInfo zone)
    {
        var local = Local(utc, zone);
        var offset = local.Offset;
        // "GMT" is the form every reader knows; other zones need RFC 822's numeric offset.
        var zonePart = offset == TimeSpan.Zero
            ? "GMT"
            : (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString("hhmm", CultureInfo.InvariantCulture);
        return local.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + zonePart;
    }

    /// <summary>RFC 3339 as Atom and JSON Feed want it: "2023-03-01T09:00:00+01:00".</summary>
    public static string Rfc3339(DateTime utc, TimeZoneInfo zone) =>
        Local(utc, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);
}
