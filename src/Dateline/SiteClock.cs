using System.Globalization;
using Microsoft.Extensions.Options;

namespace Dateline;

/// <summary>
/// The site's time zone: where "today" is for article URLs and how times are shown. It follows
/// the current options, so a time zone saved on the Settings page applies from the next request.
/// </summary>
public sealed class SiteClock
{
    private readonly TimeProvider time;
    private readonly IOptionsMonitor<DatelineOptions> options;
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    private ZoneChoice zone;

    public SiteClock(TimeProvider time, IOptionsMonitor<DatelineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        this.options = options;
        zone = Find(options.CurrentValue.TimeZone);
    }

    public TimeZoneInfo Zone
    {
        get
        {
            var id = options.CurrentValue.TimeZone;
            var current = zone;
            if (!string.Equals(current.Id, id, StringComparison.Ordinal))
            {
                zone = current = Find(id);
            }

            return current.Zone;
        }
    }

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTimeOffset ToLocal(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>A time as readers see it: "March 1, 2023, 9:00 AM UTC".</summary>
    public string Display(DateTime utc)
    {
        // Put together from numbers: a custom format string is parsed again on every call, and
        // an article page shows a time for each of its comments.
        var local = ToLocal(utc);
        var t = local.DateTime;
        var hour = t.Hour % 12 == 0 ? 12 : t.Hour % 12;
        var half = t.Hour < 12 ? "AM" : "PM";
        var offset = local.Offset;
        if (offset == TimeSpan.Zero)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{MonthNames[t.Month - 1]} {t.Day}, {t.Year:D4}, {hour}:{t.Minute:D2} {half} UTC");
        }

        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var size = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{MonthNames[t.Month - 1]} {t.Day}, {t.Year:D4}, {hour}:{t.Minute:D2} {half} UTC{sign}{size.Hours:D2}:{size.Minutes:D2}");
    }

    /// <summary>A machine-readable UTC time for datetime attributes, whatever the server's culture.</summary>
    public static string Iso(DateTime utc) =>
        string.Create(CultureInfo.InvariantCulture, $"{utc.Year:D4}-{utc.Month:D2}-{utc.Day:D2}T{utc.Hour:D2}:{utc.Minute:D2}:{utc.Second:D2}Z");

    /// <summary>A time in the site's zone with its offset, to the second, for metadata: "2023-03-01T10:00:00+01:00".</summary>
    public string IsoLocal(DateTime utc) =>
        ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public string DisplayDate(DateTime utc) =>
        ToLocal(utc).ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static ZoneChoice Find(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found)
            ? new ZoneChoice(id, found)
            : throw new UserErrorException($"Dateline:TimeZone '{id}' is not a known time zone (use an IANA name such as Europe/London).");

    // One object, so that the name and the zone are swapped together between threads.
    private sealed record ZoneChoice(string Id, TimeZoneInfo Zone);
}
