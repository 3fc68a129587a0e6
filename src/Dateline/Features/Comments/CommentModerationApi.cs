using Dateline.Data;
using Dateline.Features.Accounts;
using Dateline.Web;
using Microsoft.EntityFrameworkCore;

namespace Dateline.Features.Comments;

/// <summary>The newsroom's comment queue: list by status, and approve, hold, spam or trash.</summary>
public static class CommentModerationApi
{
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
        var wanted = status is null ? CommentStatus.Held : ParseStatus(status);
        if (wanted is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["status"] = ["Must be one of held, approved, spam, trash."] }, "Unknown status.");
        }

        var result = await Project(db, db.Comments.AsNoTracking().Where(c => c.Status == wanted.Value)
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id))
            .ToPageAsync(page ?? 1, 50, ct);
        return TypedResults.Ok(result.Items.Select(r => r.ToResponse()).ToList());
    }

    public static async Task<IResult> ModerateAsync(
        int id, string action, DatelineDbContext db, Mail.ReplyNotifications replies, SiteUrls urls, PageCache cache, HttpRequest request, CancellationToken ct)
    {
        CommentStatus? status = action switch
        {
            "approve" => CommentStatus.Approved,
            "hold" => CommentStatus.Held,
            "spam" => CommentStatus.Spam,
            "trash" => CommentStatus.Trash,
            _ => null,
        };
        if (status is null)
        {
            return TypedResults.Problem(Problems.NotFound($"'{(action.Length > 20 ? action[..20] : action)}' is not a moderation action: use approve, hold, spam or trash."));
        }

        var before = await db.Comments.Where(c => c.Id == id).Select(c => new { c.Status, c.ArticleId }).FirstOrDefaultAsync(ct);

        // A moderator's decision replaces the automatic reason.
        var changed = await db.Comments.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status.Value).SetProperty(c => c.Reason, (string?)null), ct);
        if (changed == 0)
        {
            return TypedResults.Problem(Problems.NotFound($"No comment has the id {id}."));
        }

        await cache.CommentsChangedAsync([before!.ArticleId], ct);
        if (status == CommentStatus.Approved && before.Status != CommentStatus.Approved)
        {
            await replies.ReplyApprovedAsync(id, urls.BaseUrl(request), ct);
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok((await Project(db, db.Comments.AsNoTracking().Where(c => c.Id == id)).FirstAsync(ct)).ToResponse());
    }

    private static CommentStatus? ParseStatus(string status) => status switch
    {
        "held" => CommentStatus.Held,
        "approved" => CommentStatus.Approved,
        "spam" => CommentStatus.Spam,
        "trash" => CommentStatus.Trash,
        _ => null,
    };

    private static IQueryable<ModerationRow> Project(DatelineDbContext db, IQueryable<Comment> comments) =>
        comments.Select(c => new ModerationRow(
            c.Id, c.ArticleId, db.Articles.Where(a => a.Id == c.ArticleId).Select(a => a.Headline).First(), c.ParentId, c.Status, c.Reason, c.Kind,
            c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.AuthorIp, c.Body, c.BodyHtml, c.CreatedAt));

    private sealed record ModerationRow(
        int Id, int ArticleId, string Headline, int? ParentId, CommentStatus Status, string? Reason, CommentKind Kind,
        string AuthorName, string? AuthorEmail, string? AuthorUrl, string? AuthorIp, string Body, string BodyHtml, DateTime CreatedAt)
    {
        public ModerationCommentResponse ToResponse() => new(
            Id, ArticleId, Headline, ParentId, Status.ToString().ToLowerInvariant(), Reason, Kind.ToString().ToLowerInvariant(),
            AuthorName, AuthorEmail, AuthorUrl, AuthorIp, Body, BodyHtml, CreatedAt);
    }
}
