using System.Text.Json.Nodes;

namespace Dateline.Features.Articles;

/// <summary>
/// schema.org NewsArticle for an article page. The layout writes it with
/// <see cref="Web.StructuredData.Serialize"/>, which keeps a headline from closing its script element.
/// </summary>
public static class ArticleJsonLd
{
    public static JsonObject For(ArticleView article, string url, string baseUrl, JsonObject publisher, SiteClock clock)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(clock);
        var published = article.PublishedAt ?? article.CreatedAt;
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = url,
            ["url"] = url,
            ["headline"] = article.Headline,
            ["datePublished"] = clock.IsoLocal(published),
            // An article published on schedule may have been saved last before it went out.
            ["dateModified"] = clock.IsoLocal(article.UpdatedAt > published ? article.UpdatedAt : published),
            ["author"] = new JsonArray([.. article.Authors.Select(a => new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = a.Name,
                ["url"] = $"{baseUrl}/authors/{Uri.EscapeDataString(a.Slug)}/",
            })]),
            ["publisher"] = publisher,
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

        // schema.org's correction is "an indication that the content has been corrected": updates
        // that add news are not corrections, so they stay on the page but out of this list.
        var corrections = article.Corrections.Where(n => n.Kind == ArticleNoteKind.Correction).ToList();
        if (corrections.Count > 0)
        {
            json["correction"] = new JsonArray([.. corrections.Select(n => new JsonObject
            {
                ["@type"] = "CorrectionComment",
                ["text"] = n.Text,
                ["datePublished"] = clock.IsoLocal(n.At),
            })]);
        }

        return json;
    }
}
