using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Web;

namespace Dateline.Features.Comments;

/// <summary>The newsroom's comment queue in JSON: list by status, and approve, hold, spam or trash.</summary>
public static class CommentModerationApi
{
    private const int PageSize = 50;

    public static IEndpointRouteBuilder MapCommentModerationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/newsroom/comments")
            .WithTags("Newsroom comments")
            .RequireAuthorization(ApiKeyAuthentication.ModerateCommentsPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithName("ListCommentsForModeration").Produces<IReadOnlyList<ModerationCommentResponse>>();
        group.MapPost("/{id:int}/{action}", ModerateAsync).WithName("ModerateComment")
            .Produces<ModerationCommentResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> ListAsync(DatelineDbContext db, string? status, int? page, CancellationToken ct)
    {
        var wanted = status is null ? CommentStatus.Held : CommentStatusNames.Parse(status);
        if (wanted is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["status"] = ["Must be one of held, approved, spam, trash."] }, "Unknown status.");
        }

        var result = await ModerationQueries.PageAsync(db, new CommentQueueFilter(wanted.Value, Page: page ?? 1), PageSize, ct);
        return TypedResults.Ok(result.Items.Select(r => r.ToResponse()).ToList());
    }

    public static async Task<IResult> ModerateAsync(
        int id, string action, DatelineDbContext db, CommentModerator moderator, SiteUrls urls, HttpRequest request, CancellationToken ct)
    {
        if (CommentStatusNames.ForDecision(action) is not { } status)
        {
            return TypedResults.Problem(Problems.NotFound($"'{(action.Length > 20 ? action[..20] : action)}' is not a moderation action: use approve, hold, spam or trash."));
        }

        if (await moderator.MoveAsync([id], status, urls.BaseUrl(request), ct) == 0)
        {
            return TypedResults.Problem(Problems.NotFound($"No comment has the id {id}."));
        }

        return TypedResults.Ok((await ModerationQueries.RowAsync(db, id, ct))!.ToResponse());
    }
}
