namespace Dateline.Features.Search;

/// <summary>What the index holds for one article, as plain text.</summary>
public sealed record SearchDocument(int ArticleId, string Headline, string Dek, string Body, string Authors, string Topics)
{
    /// <summary>
    /// A statement with the documents as the rows of a multi-row <c>VALUES</c> list (between
    /// <paramref name="before"/> and <paramref name="after"/>), each in the column order id,
    /// headline, dek, body, authors, topics, and every value a parameter.
    /// </summary>
    public static FormattableString WithValues(string before, IReadOnlyList<SearchDocument> documents, string after = "")
    {
        ArgumentNullException.ThrowIfNull(documents);
        var parameters = new object[documents.Count * 6];
        var rows = new System.Text.StringBuilder(before.Replace("{", "{{").Replace("}", "}}"));
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var n = i * 6;
            (parameters[n], parameters[n + 1], parameters[n + 2], parameters[n + 3], parameters[n + 4], parameters[n + 5]) =
                (d.ArticleId, d.Headline, d.Dek, d.Body, d.Authors, d.Topics);
            rows.Append(i == 0 ? " " : ", ").Append($"({{{n}}}, {{{n + 1}}}, {{{n + 2}}}, {{{n + 3}}}, {{{n + 4}}}, {{{n + 5}}})");
        }

        rows.Append(after.Replace("{", "{{").Replace("}", "}}"));
        return System.Runtime.CompilerServices.FormattableStringFactory.Create(rows.ToString(), parameters);
    }
}
