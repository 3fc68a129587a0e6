using System.Text.Json;
using Dateline.Data;
using Dateline.Features.Articles;
using Dateline.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments;

/// <summary>The public comment API: read an article's approved thread, post a comment as JSON.</summary>
public static class CommentsApi
{
    public static IEndpointRouteBuilder MapCommentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/articles/{id:int}/comments").WithTags("Comments");
        group.MapGet("/", ListCommentsAsync).WithName("ListComments").CacheOutput(PageCache.PolicyName);
        group.MapPost("/", PostCommentAsync).WithName("PostComment")
            .Accepts<CommentRequest>("application/json")
            .Produces<CommentResponse>(StatusCodes.Status201Created)
            .Produces<CommentResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // A fresh form stamp for a page that came from the cache; see comments.js.
        app.MapGet("/comments/stamp", (CommenterCookies cookies, HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-store";
            return TypedResults.Text(cookies.NewStamp());
        }).ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<CommentResponse>>, ProblemHttpResult>> ListCommentsAsync(
        int id, HttpContext http, DatelineDbContext db, SiteClock clock, CancellationToken ct)
    {
        PageCache.TagArticles(http, [id]);
        if (!await db.Articles.Published(clock.UtcNow).AnyAsync(a => a.Id == id, ct))
        {
            return TypedResults.Problem(Problems.NotFound($"No published article has the id {id}."));
        }

        var threads = await CommentThreads.ApprovedAsync(db, id, ct);
        return TypedResults.Ok<IReadOnlyList<CommentResponse>>([.. threads.Select(c => CommentResponse.From(c, id))]);
    }

    public static async Task<IResult> PostCommentAsync(int id, HttpContext http, CommentPoster poster, DatelineDbContext db, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using var document = body.Document!;
        var errors = new FieldErrors();
        var input = Read(id, document.RootElement, errors);
        if (!errors.IsEmpty)
        {
            CommentValidator.Validate(input, errors);
            return Problems.Validation(errors.ToDictionary(), "The comment has invalid fields.");
        }

        var result = await poster.PostAsync(input, CommentRequestContext.From(http, commenterKeyHash: null), ct);
        switch (result.Outcome)
        {
            case PostCommentOutcome.Approved:
            case PostCommentOutcome.Held:
                var saved = await db.Comments.AsNoTracking().Where(c => c.Id == result.CommentId)
                    .Select(c => new CommentResponse(c.Id, c.ArticleId, c.ParentId, c.AuthorName, c.AuthorUrl, c.BodyHtml, c.CreatedAt))
                    .FirstAsync(ct);
                return result.Outcome == PostCommentOutcome.Approved
                    ? TypedResults.Created($"/api/articles/{id}/comments#comment-{saved.Id}", saved)
                    : TypedResults.Accepted($"/api/articles/{id}/comments", saved);
            case PostCommentOutcome.Invalid:
                return Problems.Validation(result.Errors.ToDictionary(), "The comment has invalid fields.");
            case PostCommentOutcome.NotFound:
                return TypedResults.Problem(Problems.NotFound(result.Message!));
            case PostCommentOutcome.Closed:
                return TypedResults.Problem(Problems.Make(StatusCodes.Status403Forbidden, "Comments are closed", result.Message!));
            case PostCommentOutcome.Duplicate:
                return TypedResults.Problem(Problems.Make(StatusCodes.Status409Conflict, "Duplicate comment", result.Message!));
            default:
                http.Response.Headers.RetryAfter = result.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(Problems.Make(StatusCodes.Status429TooManyRequests, "Too many comments", result.Message!));
        }
    }

    private static CommentInput Read(int articleId, JsonElement root, FieldErrors errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", "The body must be a JSON object.");
            return new CommentInput(articleId, null, null, null, null, null);
        }

        string? Text(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return JsonText.Read(value, name, errors);
            }

            errors.Add(name, "Must be a string.");
            return null;
        }

        int? parentId = null;
        if (root.TryGetProperty("parentId", out var parent) && parent.ValueKind != JsonValueKind.Null)
        {
            if (parent.ValueKind == JsonValueKind.Number && parent.TryGetInt32(out var value))
            {
                parentId = value;
            }
            else
            {
                errors.Add("parentId", "Must be the id of the comment replied to, or null.");
            }
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("parentId" or "body" or "name" or "email" or "url" or "subscribe"))
            {
                errors.Add(property.Name, $"'{(property.Name.Length > 50 ? property.Name[..50] : property.Name)}' is not a field of a comment.");
            }
        }

        var subscribe = false;
        if (root.TryGetProperty("subscribe", out var wish) && wish.ValueKind != JsonValueKind.Null)
        {
            if (wish.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                subscribe = wish.GetBoolean();
            }
            else
            {
                errors.Add("subscribe", "Must be true or false.");
            }
        }

        return new CommentInput(articleId, parentId, Text("body"), Text("name"), Text("email"), Text("url")) { Subscribe = subscribe };
    }
}
