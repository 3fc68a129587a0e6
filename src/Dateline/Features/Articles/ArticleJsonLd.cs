using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dateline.Features.Articles;

/// <summary>
/// schema.org NewsArticle for an article page. Serialized with the default encoder, which escapes
/// &lt; and &gt;, so that a headline cannot close the script element it sits in.
/// </summary>
public static class ArticleJsonLd
{
    public static string For(ArticleView article, string url, string baseUrl, string siteTitle, SiteClock clock)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(clock);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = url,
            ["url"] = url,
            ["headline"] = article.Headline,
            ["datePublished"] = clock.ToLocal(article.PublishedAt ?? article.CreatedAt).ToString("O"),
            ["dateModified"] = clock.ToLocal(article.UpdatedAt).ToString("O"),
            ["author"] = new JsonArray([.. article.Authors.Select(a => new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = a.Name,
                ["url"] = $"{baseUrl}/authors/{Uri.EscapeDataString(a.Slug)}/",
            })]),
            ["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = siteTitle, ["url"] = baseUrl + "/" },
            ["commentCount"] = article.CommentCount,
            ["isAccessibleForFree"] = true,
        };
        if (article.Dek is not null)
        {
            json["description"] = article.Dek;
        }

        if (article.Image is { Url: { } imageUrl } image)
        {
            var imageObject = new JsonObject
            {
                ["@type"] = "ImageObject",
                ["url"] = imageUrl.StartsWith('/') ? baseUrl + imageUrl : imageUrl,
            };
            if (image.Width is { } width && image.Height is { } height)
            {
                imageObject["width"] = width;
                imageObject["height"] = height;
            }

            if (image.Caption is not null)
            {
                imageObject["caption"] = image.Caption;
            }

            if (image.Credit is not null)
            {
                imageObject["creditText"] = image.Credit;
            }

            json["image"] = new JsonArray(imageObject);
        }

        if (article.Section is not null)
        {
            json["articleSection"] = article.Section.Name;
        }

        if (article.Topics.Count > 0)
        {
            json["keywords"] = new JsonArray([.. article.Topics.Select(t => (JsonNode)t.Name)]);
        }

        if (article.Dateline is not null)
        {
            json["locationCreated"] = new JsonObject { ["@type"] = "Place", ["name"] = article.Dateline };
        }

        var corrections = article.Corrections.Where(n => n.Kind == ArticleNoteKind.Correction).ToList();
        if (corrections.Count > 0)
        {
            json["correction"] = new JsonArray([.. corrections.Select(n => new JsonObject
            {
                ["@type"] = "CorrectionComment",
                ["text"] = n.Text,
                ["datePublished"] = clock.ToLocal(n.At).ToString("O"),
            })]);
        }

        return json.ToJsonString(JsonSerializerOptions.Default);
    }
}
