using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Dateline.TestSupport;

/// <summary>RSS 2.0 (RSS Advisory Board, version 2.0.11) beyond what rss-2.0.xsd checks.</summary>
public static partial class FeedRules
{
    private static readonly XName[] ChannelRequired = ["title", "link", "description"];

    private static readonly XName[] ChannelOptional =
    [
        "language", "copyright", "managingEditor", "webMaster", "pubDate", "lastBuildDate", "generator",
        "docs", "cloud", "ttl", "image", "rating", "textInput", "skipHours", "skipDays",
    ];

    private static readonly XName[] ItemOptional = ["title", "link", "description", "author", "comments", "enclosure", "guid", "pubDate", "source"];

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static IReadOnlyList<string> Rss(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        if (document.Root is not { } root || root.Name != XName.Get("rss"))
        {
            errors.Add($"/: the root element must be rss, in no namespace; found {(document.Root is { } r ? r.Name.ToString() : "none")}");
            return errors;
        }

        Count(root, "channel", 1, 1, errors);
        foreach (var channel in root.Elements("channel"))
        {
            Channel(channel, errors);
        }

        return errors;
    }

    private static void Channel(XElement channel, List<string> errors)
    {
        Exactly(channel, ChannelRequired, errors);
        Once(channel, ChannelOptional, errors);
        AbsoluteText(channel, "link", errors);
        AbsoluteText(channel, "docs", errors);
        Dates(channel, errors);
        // RSS Best Practices: the feed's own address, in Atom's link element.
        AbsoluteAttribute(channel, AtomNs + "link", "href", errors);
        foreach (var image in channel.Elements("image"))
        {
            Exactly(image, ["url", "title", "link"], errors);
            Once(image, ["width", "height", "description"], errors);
            AbsoluteText(image, "url", errors);
            AbsoluteText(image, "link", errors);
        }

        foreach (var input in channel.Elements("textInput"))
        {
            Exactly(input, ["title", "description", "name", "link"], errors);
            AbsoluteText(input, "link", errors);
        }

        foreach (var (list, entry) in new[] { ("skipHours", "hour"), ("skipDays", "day") })
        {
            foreach (var repeated in channel.Elements(list).SelectMany(l => l.Elements(entry).GroupBy(e => e.Value.Trim()).Where(g => g.Count() > 1)))
            {
                errors.Add($"{PathOf(repeated.First().Parent)}: {entry} {repeated.Key} appears more than once");
            }
        }

        foreach (var item in channel.Elements("item"))
        {
            Item(item, errors);
        }
    }

    private static void Item(XElement item, List<string> errors)
    {
        Once(item, ItemOptional, errors);
        // "All elements of an item are optional, however at least one of title or description must be present."
        if (item.Element("title") is null && item.Element("description") is null)
        {
            errors.Add($"{PathOf(item)}: an item needs a title or a description");
        }

        AbsoluteText(item, "link", errors);
        AbsoluteText(item, "comments", errors);
        AbsoluteAttribute(item, "enclosure", "url", errors);
        AbsoluteAttribute(item, "source", "url", errors);
        // A guid is a permalink unless it says otherwise, and a permalink is a URL.
        foreach (var guid in item.Elements("guid").Where(g => (string?)g.Attribute("isPermaLink") != "false"))
        {
            AbsoluteUrl(guid, guid.Value, errors);
        }

        Dates(item, errors);
        foreach (var media in item.Descendants().Where(e => e.Name.Namespace == MediaNs && e.Name.LocalName is "content" or "thumbnail" or "player"))
        {
            if (media.Attribute("url") is { } url)
            {
                AbsoluteUrl(url, url.Value, errors);
            }
            else if (media.Name.LocalName == "content" && media.Element(MediaNs + "player") is null)
            {
                // Media RSS: "If not included, a <media:player> element must be specified."
                errors.Add($"{PathOf(media)}: media:content needs a url or a media:player");
            }
        }
    }

    /// <summary>
    /// RFC 822 dates that rss-2.0.xsd accepted in form: the day must exist, the time be a time,
    /// and a day of the week, when given, be that date's (all reckoned as written, in its zone).
    /// </summary>
    private static void Dates(XElement parent, List<string> errors)
    {
        foreach (var date in parent.Elements().Where(e => e.Name == XName.Get("pubDate") || e.Name == XName.Get("lastBuildDate")))
        {
            // As xs:token reads it for the schema: runs of white space are one space.
            var text = string.Join(' ', date.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var match = Rfc822().Match(text);
            if (!match.Success)
            {
                // Its form is the schema's to report.
                continue;
            }

            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["year"].Length == 2)
            {
                // RFC 2822, section 4.3: two-digit years from 00 to 49 are 20xx, the rest 19xx.
                year += year < 50 ? 2000 : 1900;
            }

            var month = Array.IndexOf(Months, match.Groups["month"].Value) + 1;
            var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
            var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
            var second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
            var zone = match.Groups["zone"].Value;
            if (day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                errors.Add($"{PathOf(date)}: '{text}' is not a date: {Months[month - 1]} {year} has no day {day}");
                continue;
            }

            if (hour > 23 || minute > 59 || second > 60)
            {
                errors.Add($"{PathOf(date)}: '{text}' is not a time of day");
            }

            if (zone.Length == 5 && int.Parse(zone.AsSpan(3), CultureInfo.InvariantCulture) > 59)
            {
                errors.Add($"{PathOf(date)}: '{text}' has no such zone offset");
            }

            var weekday = new DateOnly(year, month, day).DayOfWeek;
            if (match.Groups["weekday"].Success && !weekday.ToString().StartsWith(match.Groups["weekday"].Value, StringComparison.Ordinal))
            {
                errors.Add($"{PathOf(date)}: '{text}' says {match.Groups["weekday"].Value}, but {day:00} {Months[month - 1]} {year} is a {weekday}");
            }
        }
    }

    [GeneratedRegex(@"^(?:(?<weekday>Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?(?<day>\d{1,2}) (?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<year>\d{4}|\d{2}) (?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2}))? (?<zone>UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[A-IK-Z]|[+-]\d{4})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Rfc822();
}
