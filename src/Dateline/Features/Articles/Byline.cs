using Microsoft.AspNetCore.Html;

namespace Dateline.Features.Articles;

public static class Byline
{
    /// <summary>"By A", "By A and B", "By A, B, and C", each name linked to its author page.</summary>
    public static IHtmlContent Render(IReadOnlyList<PersonView> authors)
    {
        ArgumentNullException.ThrowIfNull(authors);
        var html = new HtmlContentBuilder();
        html.AppendHtml("By ");
        for (var i = 0; i < authors.Count; i++)
        {
            html.Append(Separator(i, authors.Count));
            html.AppendHtml($"<a rel=\"author\" href=\"/authors/{Uri.EscapeDataString(authors[i].Slug)}/\">");
            html.Append(authors[i].Name);
            html.AppendHtml("</a>");
        }

        return html;
    }

    /// <summary>The same byline as plain text, for lists: "By A, B, and C".</summary>
    public static string Text(IEnumerable<string> names)
    {
        var list = names.ToList();
        return "By " + string.Concat(list.Select((name, i) => Separator(i, list.Count) + name));
    }

    private static string Separator(int index, int count) =>
        index == 0 ? "" : index < count - 1 ? ", " : count > 2 ? ", and " : " and ";
}
