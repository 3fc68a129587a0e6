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
        Span<char> text = stackalloc char[DisplayLength];
        return new string(text[..FormatDisplay(utc, text)]);
    }

    /// <summary>The longest <see cref="Display"/> can be: "September 30, 2026, 12:00 PM UTC+05:45".</summary>
    public const int DisplayLength = 40;

    /// <summary>
    /// Writes <see cref="Display"/> into <paramref name="destination"/> (at least
    /// <see cref="DisplayLength"/> long) and returns its length: a page of comments writes one
    /// for each, straight to the page.
    /// </summary>
    public int FormatDisplay(DateTime utc, Span<char> destination)
    {
        // Put together from numbers: a custom format string is parsed again on every call.
        var local = ToLocal(utc);
        var t = local.DateTime;
        var hour = t.Hour % 12 == 0 ? 12 : t.Hour % 12;
        var half = t.Hour < 12 ? "AM" : "PM";
        var offset = local.Offset;
        bool done;
        int written;
        if (offset == TimeSpan.Zero)
        {
            done = destination.TryWrite(CultureInfo.InvariantCulture, $"{MonthNames[t.Month - 1]} {t.Day}, {t.Year:D4}, {hour}:{t.Minute:D2} {half} UTC", out written);
        }
        else
        {
            var sign = offset < TimeSpan.Zero ? '-' : '+';
            var size = offset.Duration();
            done = destination.TryWrite(CultureInfo.InvariantCulture, $"{MonthNames[t.Month - 1]} {t.Day}, {t.Year:D4}, {hour}:{t.Minute:D2} {half} UTC{sign}{size.Hours:D2}:{size.Minutes:D2}", out written);
        }

        return done ? written : throw new ArgumentException($"Needs {DisplayLength} characters.", nameof(destination));
    }

    /// <summary>A machine-readable UTC time for datetime attributes, whatever the server's culture.</summary>
    public static string Iso(DateTime utc)
    {
        Span<char> text = stackalloc char[IsoLength];
        return new string(text[..FormatIso(utc, text)]);
    }

    /// <summary>The length of <see cref="Iso"/>: "2026-11-29T02:20:12Z".</summary>
    public const int IsoLength = 20;

    /// <summary>Writes <see cref="Iso"/> into <paramref name="destination"/> (at least <see cref="IsoLength"/> long) and returns its length.</summary>
    public static int FormatIso(DateTime utc, Span<char> destination) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{utc.Year:D4}-{utc.Month:D2}-{utc.Day:D2}T{utc.Hour:D2}:{utc.Minute:D2}:{utc.Second:D2}Z", out var written)
            ? written
            : throw new ArgumentException($"Needs {IsoLength} characters.", nameof(destination));

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
