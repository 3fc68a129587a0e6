using Microsoft.Extensions.Options;

namespace Dateline;

/// <summary>The site's time zone: where "today" is for article URLs and how times are shown.</summary>
public sealed class SiteClock
{
    private readonly TimeProvider time;

    public SiteClock(TimeProvider time, IOptions<DatelineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.time = time;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.Value.TimeZone, out var zone))
        {
            throw new UserErrorException($"Dateline:TimeZone '{options.Value.TimeZone}' is not a known time zone (use an IANA name such as Europe/London).");
        }

        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTimeOffset ToLocal(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Zone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);

    /// <summary>A time as readers see it: "March 1, 2023, 9:00 AM UTC".</summary>
    public string Display(DateTime utc)
    {
        var local = ToLocal(utc);
        var offset = local.Offset == TimeSpan.Zero ? "UTC" : $"UTC{(local.Offset < TimeSpan.Zero ? "-" : "+")}{local.Offset:hh\\:mm}";
        return local.ToString("MMMM d, yyyy, h:mm tt", System.Globalization.CultureInfo.InvariantCulture) + " " + offset;
    }

    /// <summary>A machine-readable UTC time for datetime attributes, whatever the server's culture.</summary>
    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public string DisplayDate(DateTime utc) =>
        ToLocal(utc).ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
