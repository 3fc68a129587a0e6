using Dateline.Web;

namespace Dateline.Features.Articles;

public enum ArticleEditOutcome
{
    Saved,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
    VersionMismatch,
}

/// <summary>
/// What became of an edit: the article's id, or why nothing was saved. A version mismatch carries
/// the version the article has now, so that the second editor can merge and try again.
/// </summary>
public sealed record ArticleEditResult(ArticleEditOutcome Outcome, int Id = 0, FieldErrors? Errors = null, string? Message = null, Guid? CurrentVersion = null)
{
    public static ArticleEditResult Invalid(FieldErrors errors) => new(ArticleEditOutcome.Invalid, Errors: errors);

    public static ArticleEditResult Forbidden(string message) => new(ArticleEditOutcome.Forbidden, Message: message);

    public static ArticleEditResult Conflict(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new(ArticleEditOutcome.Conflict, Errors: errors, Message: message);
    }
}
