using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dateline.Web;

/// <summary>RFC 9457 problem bodies for the outcomes the API names.</summary>
public static class Problems
{
    public static ProblemDetails NotFound(string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    };

    /// <summary>422 (or another status) naming each invalid field, as RFC 9457 validation problems do.</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors, string title, int status = StatusCodes.Status422UnprocessableEntity) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors) { Status = status, Title = title });

    public static ProblemDetails Make(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
    };
}
