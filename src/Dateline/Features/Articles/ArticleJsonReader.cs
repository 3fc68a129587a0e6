using System.Globalization;
using System.Text.Json;
using Dateline.Web;

namespace Dateline.Features.Articles;

/// <summary>
/// Reads an article's JSON by hand rather than by binding, so that a wrong type is reported
/// against its field ("publishedAt: must be a date and time") instead of failing the whole body.
/// </summary>
public static class ArticleJsonReader
{
    // Fields an API answer carries that a client may send back unchanged; they are not editable.
    private static readonly HashSet<string> ReadOnlyFields =
        ["id", "url", "bodyHtml", "updatedAt", "createdAt", "corrections", "commentCount", "version"];

    public static ArticleInput Read(JsonElement root, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var input = new ArticleInput();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", "The body must be a JSON object.");
            return input;
        }

        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "headline": input.Headline = ReadString(value, property.Name, errors, nullable: false) ?? ""; break;
                case "slug": input.Slug = ReadString(value, property.Name, errors); break;
                case "dek": input.Dek = ReadString(value, property.Name, errors); break;
                case "dateline": input.Dateline = ReadString(value, property.Name, errors); break;
                case "bodyMarkdown": input.BodyMarkdown = ReadString(value, property.Name, errors) ?? ""; break;
                case "authors": input.Authors = ReadNames(value, property.Name, errors); break;
                case "topics": input.Topics = ReadNames(value, property.Name, errors); break;
                case "credits": input.Credits = ReadStrings(value, property.Name, errors); break;
                case "image": input.Image = ReadImage(value, errors); break;
                case "section": input.Section = value.ValueKind == JsonValueKind.Object ? ReadName(value, "section", errors)?.Name : ReadString(value, property.Name, errors); break;
                case "status": ReadStatus(value, input, errors); break;
                case "publishedAt": input.PublishedAt = ReadDate(value, property.Name, errors); break;
                case "commentsOpen": ReadBool(value, input, errors); break;
                case "originalUrl": input.OriginalUrl = ReadString(value, property.Name, errors); break;
                case var name when ReadOnlyFields.Contains(name): break;
                default: errors.Add(property.Name, $"'{Truncate(property.Name)}' is not a field of an article."); break;
            }
        }

        return input;
    }

    private static string? ReadString(JsonElement value, string field, FieldErrors errors, bool nullable = true)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return JsonText.Read(value, field, errors);
        }

        if (value.ValueKind == JsonValueKind.Null && nullable)
        {
            return null;
        }

        errors.Add(field, nullable ? "Must be a string or null." : "Must be a string.");
        return null;
    }

    private static List<string> ReadStrings(JsonElement value, string field, FieldErrors errors)
    {
        var list = new List<string>();
        if (value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, "Must be an array of strings.");
            return list;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(JsonText.Read(item, $"{field}[{i}]", errors) ?? "");
            }
            else
            {
                errors.Add($"{field}[{i}]", "Must be a string.");
            }

            i++;
        }

        return list;
    }

    private static List<NameInput> ReadNames(JsonElement value, string field, FieldErrors errors)
    {
        var list = new List<NameInput>();
        if (value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(field, "Must be an array of names or of objects with a name.");
            return list;
        }

        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (ReadName(item, $"{field}[{i}]", errors) is { } name)
            {
                list.Add(name);
            }

            i++;
        }

        return list;
    }

    private static NameInput? ReadName(JsonElement item, string field, FieldErrors errors)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return new NameInput(JsonText.Read(item, field, errors) ?? "");
        }

        if (item.ValueKind == JsonValueKind.Object)
        {
            var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? JsonText.Read(n, field + ".name", errors) : null;
            var slug = item.TryGetProperty("slug", out var s) && s.ValueKind == JsonValueKind.String ? JsonText.Read(s, field + ".slug", errors) : null;
            if (name is not null)
            {
                return new NameInput(name, slug);
            }
        }

        errors.Add(field, "Must be a name, or an object with a name (and optionally a slug).");
        return null;
    }

    private static ImageInput? ReadImage(JsonElement value, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("image", "Must be an object with a url or a mediaId, or null.");
            return null;
        }

        string? Text(string name) =>
            value.TryGetProperty(name, out var v) ? ReadString(v, $"image.{name}", errors) : null;

        int? Number(string name)
        {
            if (!value.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var number))
            {
                return number;
            }

            errors.Add($"image.{name}", "Must be a whole number of pixels.");
            return null;
        }

        int? mediaId = null;
        if (value.TryGetProperty("mediaId", out var media) && media.ValueKind != JsonValueKind.Null)
        {
            if (media.ValueKind == JsonValueKind.Number && media.TryGetInt32(out var id))
            {
                mediaId = id;
            }
            else
            {
                errors.Add("image.mediaId", "Must be the id of a media item (a whole number), or null.");
            }
        }

        return new ImageInput(Text("url"), Text("alt"), Text("caption"), Text("credit"), Number("width"), Number("height")) { MediaId = mediaId };
    }

    private static void ReadStatus(JsonElement value, ArticleInput input, FieldErrors errors)
    {
        var text = value.ValueKind == JsonValueKind.String ? JsonText.Read(value, "status", errors) : null;
        switch (text)
        {
            case "draft": input.Status = ArticleStatus.Draft; break;
            case "scheduled": input.Status = ArticleStatus.Scheduled; break;
            case "published": input.Status = ArticleStatus.Published; break;
            default: errors.Add("status", "Must be one of draft, scheduled, published."); break;
        }
    }

    private static DateTime? ReadDate(JsonElement value, string field, FieldErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(JsonText.Read(value, field, errors), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed.UtcDateTime;
        }

        errors.Add(field, "Must be a date and time such as 2023-03-01T09:00:00Z, or null.");
        return null;
    }

    private static void ReadBool(JsonElement value, ArticleInput input, FieldErrors errors)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            input.CommentsOpen = value.GetBoolean();
        }
        else
        {
            errors.Add("commentsOpen", "Must be true or false.");
        }
    }

    private static string Truncate(string text) => text.Length > 50 ? text[..50] + "…" : text;
}
