using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dateline.Features.Feeds;

/// <summary>Articles as JSON Feed 1.1 (https://jsonfeed.org/version/1.1).</summary>
public static class JsonFeedWriter
{
    public const string ContentType = "application/feed+json; charset=utf-8";
    public const string Version = "https://jsonfeed.org/version/1.1";

    // Headlines in any script stay readable. The relaxed encoder still escapes quotes, backslashes
    // and control characters; it leaves <, > and &, which is safe in a document served as
    // application/feed+json (with nosniff), never inlined into HTML.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static byte[] Write(ArticleFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var channel = feed.Channel;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", channel.Title);
            json.WriteString("home_page_url", channel.Link);
            json.WriteString("feed_url", channel.SelfUrl);
            if (!string.IsNullOrEmpty(channel.Description))
            {
                json.WriteString("description", channel.Description);
            }

            json.WriteString("language", channel.Language);
            json.WriteStartArray("items");
            foreach (var entry in feed.Entries)
            {
                WriteItem(json, feed, entry);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter json, ArticleFeed feed, FeedEntry entry)
    {
        var url = feed.Url(entry);
        json.WriteStartObject();
        json.WriteString("id", url);
        json.WriteString("url", url);
        json.WriteString("title", entry.Headline);
        if (!string.IsNullOrEmpty(entry.Dek))
        {
            json.WriteString("summary", entry.Dek);
        }

        // An item must have content_html or content_text; without the body, the dek stands in.
        if (feed.FullContent)
        {
            json.WriteString("content_html", entry.BodyHtml);
        }
        else
        {
            json.WriteString("content_text", string.IsNullOrEmpty(entry.Dek) ? entry.Headline : entry.Dek);
        }

        if (entry.Image is { } image)
        {
            json.WriteString("image", feed.Absolute(image.Url));
        }

        json.WriteString("date_published", FeedDates.Rfc3339(entry.PublishedAt, feed.Channel.Zone));
        json.WriteString("date_modified", FeedDates.Rfc3339(entry.Modified, feed.Channel.Zone));
        if (entry.Authors.Count > 0)
        {
            json.WriteStartArray("authors");
            foreach (var author in entry.Authors)
            {
                json.WriteStartObject();
                json.WriteString("name", author.Name);
                json.WriteString("url", feed.AuthorUrl(author.Slug));
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        var tags = entry.Topics.Select(t => t.Name).Concat(entry.Section is { } s ? [s.Name] : []).Distinct(StringComparer.Ordinal).ToList();
        if (tags.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var tag in tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }
}
