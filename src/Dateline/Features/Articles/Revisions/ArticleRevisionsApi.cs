using System.Globalization;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Web;

namespace Dateline.Features.Articles.Revisions;

/// <summary>An article's revisions in the newsroom API: whoever may edit the article may read and restore them.</summary>
public static class ArticleRevisionsApi
{
    public static IEndpointRouteBuilder MapArticleRevisionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/newsroom/articles/{id:int}/revisions")
            .WithTags("Newsroom article revisions")
            .RequireAuthorization(ApiKeyAuthentication.WriteArticlesPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/", ListRevisionsAsync).WithName("ListRevisions")
            .Produces<RevisionListResponse>();
        group.MapGet("/{number:int}", GetRevisionAsync).WithName("GetRevision")
            .Produces<RevisionDetailResponse>();
        group.MapGet("/{number:int}/diff", DiffRevisionAsync).WithName("DiffRevision")
            .Produces<RevisionDiff>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/{number:int}/restore", RestoreRevisionAsync).WithName("RestoreRevision")
            .Produces<ArticleResponse>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }

    public static async Task<IResult> ListRevisionsAsync(int id, int? page, HttpContext http, ArticleRevisions revisions, CancellationToken ct) =>
        Answer(await revisions.ListAsync(id, page ?? 1, Actor.From(http.User), ct));

    public static async Task<IResult> GetRevisionAsync(int id, int number, HttpContext http, ArticleRevisions revisions, CancellationToken ct) =>
        Answer(await revisions.GetAsync(id, number, Actor.From(http.User), ct));

    /// <summary>
    /// The changes from <paramref name="against"/> to revision <paramref name="number"/>: by
    /// default the revision before it (what that save changed), "current" for the article as it
    /// is now (what a restore would change), or another revision's number.
    /// </summary>
    public static async Task<IResult> DiffRevisionAsync(int id, int number, string? against, HttpContext http, ArticleRevisions revisions, CancellationToken ct)
    {
        int? from;
        if (string.IsNullOrEmpty(against))
        {
            from = Math.Max(number - 1, 0);
        }
        else if (string.Equals(against, "current", StringComparison.Ordinal))
        {
            from = null;
        }
        else if (int.TryParse(against, NumberStyles.None, CultureInfo.InvariantCulture, out var other) && other > 0)
        {
            from = other;
        }
        else
        {
            return TypedResults.Problem(Problems.Make(StatusCodes.Status400BadRequest, "Bad request", "against must be a revision number or current."));
        }

        return Answer(await revisions.DiffAsync(id, number, from, Actor.From(http.User), ct));
    }

    /// <summary>Saves the revision's content as a new revision; If-Match guards it as it guards PATCH.</summary>
    public static async Task<IResult> RestoreRevisionAsync(int id, int number, HttpContext http, ArticleRevisions revisions, DatelineDbContext db, SiteUrls urls, CancellationToken ct)
    {
        var (expected, problem) = NewsroomArticlesApi.ReadIfMatch(http.Request);
        if (problem is not null)
        {
            return problem;
        }

        var result = await revisions.RestoreAsync(id, number, Actor.From(http.User), expected, ct);
        return await NewsroomArticlesApi.AnswerAsync(result, id, db, urls, http, created: false, ct);
    }

    private static IResult Answer<T>(RevisionResult<T> result)
        where T : class => result.Outcome switch
        {
            RevisionOutcome.Found => TypedResults.Ok(result.Value),
            RevisionOutcome.NotFound => TypedResults.Problem(Problems.NotFound(result.Message!)),
            _ => TypedResults.Problem(Problems.Make(StatusCodes.Status403Forbidden, "Forbidden", result.Message!)),
        };
}
