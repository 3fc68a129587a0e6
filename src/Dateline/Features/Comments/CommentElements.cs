using AngleSharp.Dom;

namespace Dateline.Features.Comments;

/// <summary>
/// The per-tag attribute rules the sanitizer's global allow-list cannot express: which tag may
/// keep which attribute, and that every link carries our rel.
/// </summary>
internal static class CommentElements
{
    public static void Enforce(IElement element)
    {
        switch (element.LocalName)
        {
            case "a":
                var href = CommentUrls.Safe(element.GetAttribute("href"), allowMailto: true);
                if (href is null)
                {
                    // A link that goes nowhere safe is just its text.
                    Unwrap(element);
                    return;
                }

                Rewrite(element, ("href", href), ("title", element.GetAttribute("title")), ("rel", CommentUrls.LinkRel));
                break;
            case "abbr":
                Rewrite(element, ("title", element.GetAttribute("title")));
                break;
            case "q" or "blockquote":
                Rewrite(element, ("cite", CommentUrls.Safe(element.GetAttribute("cite"), allowMailto: false)));
                break;
            default:
                Rewrite(element);
                break;
        }
    }

    /// <summary>
    /// Removes elements left with nothing in them, often all that remains of a stripped payload;
    /// children go before their parents so that emptiness propagates upwards.
    /// </summary>
    public static void RemoveEmpty(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*").Reverse())
        {
            if (!element.HasChildNodes)
            {
                element.Remove();
            }
        }
    }

    /// <summary>Leaves exactly the given attributes, in the given order, skipping those without a value.</summary>
    private static void Rewrite(IElement element, params (string Name, string? Value)[] attributes)
    {
        while (element.Attributes.Length > 0)
        {
            element.RemoveAttribute(element.Attributes[0]!.Name);
        }

        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                element.SetAttribute(name, value);
            }
        }
    }

    private static void Unwrap(IElement element)
    {
        if (element.HasChildNodes)
        {
            element.Replace([.. element.ChildNodes]);
        }
        else
        {
            element.Remove();
        }
    }
}
