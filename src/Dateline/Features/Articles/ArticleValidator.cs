using Dateline.Web;

namespace Dateline.Features.Articles;

/// <summary>
/// The one set of rules for article input, shared by the API, the newsroom form and imports.
/// It trims text in place, so that what is stored is what was checked.
/// </summary>
public static class ArticleValidator
{
    public static void Validate(ArticleInput input, bool creating, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);

        if (creating && !input.Headline.IsSet)
        {
            errors.Add("headline", "Required.");
        }

        if (input.Headline.IsSet)
        {
            input.Headline = TextRules.Check(input.Headline.Value, "headline", ArticleLimits.Headline, errors, required: true) ?? "";
        }

        if (input.Slug.IsSet && input.Slug.Value is { } slug)
        {
            var trimmed = slug.Trim();
            if (trimmed.Length > 0 && !SlugGenerator.IsValid(trimmed))
            {
                errors.Add("slug", $"Use lower-case letters, digits and single hyphens, at most {ArticleLimits.Slug} characters.");
            }

            input.Slug = trimmed.Length == 0 ? null : trimmed;
        }

        input.Dek = Text(input.Dek, "dek", ArticleLimits.Dek, errors, multiline: false);
        input.Dateline = Text(input.Dateline, "dateline", ArticleLimits.Dateline, errors, multiline: false);
        if (input.BodyMarkdown.IsSet)
        {
            input.BodyMarkdown = TextRules.Check(input.BodyMarkdown.Value, "bodyMarkdown", ArticleLimits.Body, errors, multiline: true) ?? "";
        }

        if (input.Authors.IsSet)
        {
            input.Authors = Names(input.Authors.Value, "authors", ArticleLimits.People, errors);
        }

        if (input.Topics.IsSet)
        {
            input.Topics = Names(input.Topics.Value, "topics", ArticleLimits.Topics, errors);
        }

        if (input.Credits.IsSet)
        {
            var credits = new List<string>();
            for (var i = 0; i < input.Credits.Value.Count; i++)
            {
                if (TextRules.Check(input.Credits.Value[i], $"credits[{i}]", ArticleLimits.Credit, errors) is { } credit)
                {
                    credits.Add(credit);
                }
            }

            if (credits.Count > ArticleLimits.CreditLines)
            {
                errors.Add("credits", $"At most {ArticleLimits.CreditLines} credit lines.");
            }

            input.Credits = credits;
        }

        if (input.PublishedAt is { IsSet: true, Value: { } publishedAt } && publishedAt.Year is < 1000 or > 9998)
        {
            errors.Add("publishedAt", "Must be between the years 1000 and 9998.");
        }

        input.Section = Text(input.Section, "section", ArticleLimits.Name, errors, multiline: false);
        if (input.Image is { IsSet: true, Value: { } image })
        {
            input.Image = ValidateImage(image, errors);
        }

        if (input.OriginalUrl is { IsSet: true, Value: { } original })
        {
            input.OriginalUrl = Text(input.OriginalUrl, "originalUrl", ArticleLimits.Url, errors, multiline: false);
            if (!TextRules.IsWebUrl(original.Trim()))
            {
                errors.Add("originalUrl", "Must be an http or https URL, or a path.");
            }
        }
    }

    private static Optional<string?> Text(Optional<string?> value, string field, int max, FieldErrors errors, bool multiline) =>
        value.IsSet ? TextRules.Check(value.Value, field, max, errors, multiline: multiline) : value;

    private static List<NameInput> Names(IReadOnlyList<NameInput> names, string field, int max, FieldErrors errors)
    {
        if (names.Count > max)
        {
            errors.Add(field, $"At most {max}.");
        }

        var result = new List<NameInput>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = TextRules.Check(names[i].Name, $"{field}[{i}].name", ArticleLimits.Name, errors, required: true);
            var slug = names[i].Slug?.Trim();
            if (!string.IsNullOrEmpty(slug) && !SlugGenerator.IsValid(slug))
            {
                errors.Add($"{field}[{i}].slug", "Use lower-case letters, digits and single hyphens.");
            }

            if (name is not null && result.All(n => !string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                result.Add(new NameInput(name, string.IsNullOrEmpty(slug) ? null : slug));
            }
        }

        return result;
    }

    private static ImageInput ValidateImage(ImageInput image, FieldErrors errors)
    {
        var url = TextRules.Check(image.Url, "image.url", ArticleLimits.Url, errors);
        if (url is not null && !TextRules.IsWebUrl(url))
        {
            errors.Add("image.url", "Must be an http or https URL, or a path on this site.");
        }

        if (image.MediaId is <= 0)
        {
            errors.Add("image.mediaId", "Must be the id of a media item.");
        }

        foreach (var (value, name) in new[] { (image.Width, "width"), (image.Height, "height") })
        {
            if (value is <= 0 or > 20_000)
            {
                errors.Add($"image.{name}", "Must be between 1 and 20000 pixels.");
            }
        }

        return image with
        {
            Url = url,
            Alt = TextRules.Check(image.Alt, "image.alt", ArticleLimits.ImageText, errors),
            Caption = TextRules.Check(image.Caption, "image.caption", ArticleLimits.ImageText, errors, multiline: true),
            Credit = TextRules.Check(image.Credit, "image.credit", ArticleLimits.Credit, errors),
        };
    }
}
