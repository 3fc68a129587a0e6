using Dateline.Web;

namespace Dateline.Features.Media;

public enum MediaOutcome
{
    Saved,
    NotFound,
    Forbidden,
    Invalid,
    TooLarge,
    UnsupportedType,
    InUse,
}

/// <summary>What became of an upload or an edit: the item, or why nothing changed.</summary>
public sealed record MediaResult(MediaOutcome Outcome, MediaItem? Item = null, FieldErrors? Errors = null, string? Message = null)
{
    public static MediaResult Saved(MediaItem item) => new(MediaOutcome.Saved, item);

    public static MediaResult Forbidden(string message) => new(MediaOutcome.Forbidden, Message: message);

    public static MediaResult Invalid(FieldErrors errors) => new(MediaOutcome.Invalid, Errors: errors);

    /// <summary>A refusal about one field, with its message also as the problem's detail.</summary>
    public static MediaResult Refused(MediaOutcome outcome, string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new(outcome, Errors: errors, Message: message);
    }
}
