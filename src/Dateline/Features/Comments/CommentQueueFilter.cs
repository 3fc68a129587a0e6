using System.Globalization;

namespace Dateline.Features.Comments;

/// <summary>
/// What the newsroom's comment queue shows: one status tab, narrowed to an article, a commenter's
/// address or words in the name or text, and one page of it. It is read from the query string and
/// written back into every link and form, so that acting on a row returns to the same view.
/// </summary>
public sealed record CommentQueueFilter(CommentStatus Status, int? ArticleId = null, string? Email = null, string? Search = null, int Page = 1)
{
    public const string Path = "/newsroom/comments/";

    private const int MaxSearchLength = 200;

    public static CommentQueueFilter From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var email = query["email"].ToString().Trim();
        var search = query["q"].ToString().Trim();
        return new CommentQueueFilter(
            CommentStatusNames.Parse(query["status"]) ?? CommentStatus.Held,
            Number(query["article"]) is > 0 and var article ? article : null,
            email.Length is > 0 and <= CommentLimits.Email ? email.ToLowerInvariant() : null,
            search.Length > 0 ? search[..Math.Min(search.Length, MaxSearchLength)] : null,
            Math.Clamp(Number(query["page"]) ?? 1, 1, Web.Paging.MaxPage));
    }

    public bool IsNarrowed => ArticleId is not null || Email is not null || Search is not null;

    /// <summary>The queue's address for this view; page 1 and empty filters are left out.</summary>
    public string Url(string? handler = null)
    {
        var query = QueryString.Create(Pairs(handler));
        return Path + query.ToUriComponent();
    }

    private IEnumerable<KeyValuePair<string, string?>> Pairs(string? handler)
    {
        if (handler is not null)
        {
            yield return new("handler", handler);
        }

        yield return new("status", CommentStatusNames.Of(Status));
        if (ArticleId is { } article)
        {
            yield return new("article", article.ToString(CultureInfo.InvariantCulture));
        }

        if (Email is not null)
        {
            yield return new("email", Email);
        }

        if (Search is not null)
        {
            yield return new("q", Search);
        }

        if (Page > 1)
        {
            yield return new("page", Page.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
