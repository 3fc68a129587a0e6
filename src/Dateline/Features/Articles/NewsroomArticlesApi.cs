using System.Text.Json;
using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Dateline.Features.Articles;

/// <summary>The newsroom's article API, behind API keys; what a key may do follows its role.</summary>
public static class NewsroomArticlesApi
{
    public static IEndpointRouteBuilder MapNewsroomArticlesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/newsroom/articles")
            .WithTags("Newsroom articles")
            .RequireAuthorization(ApiKeyAuthentication.WriteArticlesPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", CreateArticleAsync).WithName("CreateArticle")
            .Accepts<ArticleRequest>("application/json")
            .Produces<ArticleResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:int}", GetArticleAsync).WithName("GetNewsroomArticle")
            .Produces<ArticleResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:int}", PatchArticleAsync).WithName("PatchArticle")
            .Accepts<ArticleRequest>("application/json", "application/merge-patch+json")
            .Produces<ArticleResponse>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{id:int}", DeleteArticleAsync).WithName("DeleteArticle")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:int}/corrections", AddCorrectionAsync).WithName("AddCorrection")
            .Accepts<NoteRequest>("application/json")
            .Produces<ArticleResponse>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<IResult> CreateArticleAsync(HttpContext http, ArticleEditor editor, DatelineDbContext db, SiteUrls urls, CancellationToken ct)
    {
        var (input, problem) = await ReadInputAsync(http.Request, creating: true, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await editor.CreateAsync(input!, Actor.From(http.User), ct);
        return await AnswerAsync(result, 0, db, urls, http, created: true, ct);
    }

    public static async Task<IResult> GetArticleAsync(int id, HttpContext http, DatelineDbContext db, SiteUrls urls, SiteClock clock, CancellationToken ct)
    {
        var view = await FindAsync(db, id, ct);
        if (view is null)
        {
            return TypedResults.Problem(Problems.NotFound($"No article has the id {id}."));
        }

        var actor = Actor.From(http.User);
        if (view.CreatedBy != actor.Id && !actor.Can(Capabilities.EditOthersArticles) && view.Status == ArticleStatus.Draft)
        {
            return TypedResults.Problem(Problems.Make(StatusCodes.Status403Forbidden, "Forbidden", "This role may read only its own drafts."));
        }

        http.Response.Headers.ETag = ETagOf(view.Version);
        return TypedResults.Ok(ArticleResponse.From(view, urls.BaseUrl(http.Request), clock.UtcNow));
    }

    public static async Task<IResult> PatchArticleAsync(int id, HttpContext http, ArticleEditor editor, DatelineDbContext db, SiteUrls urls, CancellationToken ct)
    {
        var (expected, preconditionProblem) = ReadIfMatch(http.Request);
        if (preconditionProblem is not null)
        {
            return preconditionProblem;
        }

        var (input, problem) = await ReadInputAsync(http.Request, creating: false, ct);
        if (problem is not null)
        {
            return problem;
        }

        var result = await editor.UpdateAsync(id, input!, Actor.From(http.User), expected, ct);
        return await AnswerAsync(result, id, db, urls, http, created: false, ct);
    }

    public static async Task<IResult> DeleteArticleAsync(int id, HttpContext http, ArticleEditor editor, CancellationToken ct)
    {
        var result = await editor.DeleteAsync(id, Actor.From(http.User), ct);
        return result.Outcome == ArticleEditOutcome.Saved ? TypedResults.NoContent() : Failure(result, id);
    }

    public static async Task<IResult> AddCorrectionAsync(int id, HttpContext http, ArticleEditor editor, DatelineDbContext db, SiteUrls urls, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using var document = body.Document!;
        var errors = new FieldErrors();
        var (text, kind) = ReadNote(document.RootElement, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors.ToDictionary(), "The correction has invalid fields.");
        }

        var result = await editor.AddNoteAsync(id, kind, text, Actor.From(http.User), ct);
        return await AnswerAsync(result, id, db, urls, http, created: false, ct);
    }

    // { "text": "...", "kind": "correction" | "update" }; the kind defaults to correction.
    private static (string? Text, ArticleNoteKind Kind) ReadNote(JsonElement root, FieldErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", "The body must be a JSON object with a text.");
            return (null, ArticleNoteKind.Correction);
        }

        string? text = null;
        if (root.TryGetProperty("text", out var textValue))
        {
            text = textValue.ValueKind == JsonValueKind.String ? textValue.GetString() : null;
            if (textValue.ValueKind != JsonValueKind.String)
            {
                errors.Add("text", "Must be a string.");
            }
        }

        var kind = ArticleNoteKind.Correction;
        if (root.TryGetProperty("kind", out var kindValue) && kindValue.ValueKind != JsonValueKind.Null)
        {
            switch (kindValue.ValueKind == JsonValueKind.String ? kindValue.GetString() : null)
            {
                case "correction": break;
                case "update": kind = ArticleNoteKind.Update; break;
                default: errors.Add("kind", "Must be correction or update."); break;
            }
        }

        return (text, kind);
    }

    private static async Task<(ArticleInput? Input, IResult? Problem)> ReadInputAsync(HttpRequest request, bool creating, CancellationToken ct)
    {
        if (!request.HasJsonContentType() && !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/merge-patch+json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TypedResults.Problem(Problems.Make(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the article as JSON (Content-Type: application/json).")));
        }

        var body = await JsonBody.ReadAsync(request, ct);
        if (body.Problem is not null)
        {
            return (null, body.Problem);
        }

        using var document = body.Document!;
        var errors = new FieldErrors();
        var input = ArticleJsonReader.Read(document.RootElement, errors);
        if (errors.IsEmpty)
        {
            return (input, null);
        }

        // Report every problem at once: the rules' findings on the fields that did read.
        var ruleErrors = new FieldErrors();
        ArticleValidator.Validate(input, creating, ruleErrors);
        errors.AddMissing(ruleErrors);
        return (null, Invalid(errors));
    }

    /// <summary>The version an If-Match header names, if any; a header that names none is refused.</summary>
    internal static (Guid? Expected, IResult? Problem) ReadIfMatch(HttpRequest request)
    {
        if (request.Headers.IfMatch.Count == 0)
        {
            return (null, null);
        }

        return Guid.TryParse(request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/'), out var version)
            ? (version, null)
            : (null, TypedResults.Problem(Problems.Make(StatusCodes.Status412PreconditionFailed, "Precondition failed", "If-Match must be the ETag of a version of this article.")));
    }

    private static ProblemHttpResult Invalid(FieldErrors errors) => Problems.Validation(errors.ToDictionary(), "The article has invalid fields.");

    /// <summary>The article as saved, with its new ETag, or the problem that stopped the save.</summary>
    internal static async Task<IResult> AnswerAsync(ArticleEditResult result, int id, DatelineDbContext db, SiteUrls urls, HttpContext http, bool created, CancellationToken ct)
    {
        if (result.Outcome != ArticleEditOutcome.Saved)
        {
            return Failure(result, id);
        }

        var view = (await FindAsync(db, result.Id, ct))!;
        var response = ArticleResponse.From(view, urls.BaseUrl(http.Request), http.RequestServices.GetRequiredService<SiteClock>().UtcNow);
        http.Response.Headers.ETag = ETagOf(view.Version);
        return created
            ? TypedResults.Created($"/api/newsroom/articles/{result.Id}", response)
            : TypedResults.Ok(response);
    }

    private static ProblemHttpResult Failure(ArticleEditResult result, int id) => result.Outcome switch
    {
        ArticleEditOutcome.NotFound => TypedResults.Problem(Problems.NotFound(result.Message ?? $"No article has the id {id}.")),
        ArticleEditOutcome.Forbidden => TypedResults.Problem(Problems.Make(StatusCodes.Status403Forbidden, "Forbidden", result.Message!)),
        ArticleEditOutcome.Invalid => Invalid(result.Errors!),
        ArticleEditOutcome.Conflict => Problems.Validation(result.Errors!.ToDictionary(), result.Message!, StatusCodes.Status409Conflict),
        ArticleEditOutcome.VersionMismatch => TypedResults.Problem(VersionMismatch(result)),
        _ => throw new InvalidOperationException($"Unexpected outcome {result.Outcome}."),
    };

    // The second editor's request changed nothing; the version the article has now lets their
    // client fetch it, merge their input into it and send that again with the new If-Match.
    private static ProblemDetails VersionMismatch(ArticleEditResult result)
    {
        var problem = Problems.Make(StatusCodes.Status412PreconditionFailed, "Changed by someone else", result.Message!);
        if (result.CurrentVersion is { } current)
        {
            problem.Extensions["currentVersion"] = ETagOf(current);
        }

        return problem;
    }

    private static Task<ArticleView?> FindAsync(DatelineDbContext db, int id, CancellationToken ct) =>
        db.Articles.AsNoTracking().Where(a => a.Id == id).Select(ArticleProjections.View).AsSplitQuery().FirstOrDefaultAsync(ct);

    private static string ETagOf(Guid version) => new EntityTagHeaderValue($"\"{version:N}\"").ToString();
}
