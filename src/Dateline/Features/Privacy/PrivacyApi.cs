using System.Text.Json;
using Dateline.Features.Accounts;
using Dateline.Web;

namespace Dateline.Features.Privacy;

/// <summary>
/// The privacy tools in the newsroom API (admins). The address travels in the body, not the
/// URL, so that it does not land in access logs.
/// </summary>
public static class PrivacyApi
{
    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/newsroom/privacy")
            .WithTags("Newsroom privacy")
            .RequireAuthorization(ApiKeyAuthentication.ManageSitePolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/export", ExportAsync).WithName("ExportCommenterData").Accepts<PrivacyRequest>("application/json").Produces<CommenterExport>();
        group.MapPost("/erase", EraseAsync).WithName("EraseCommenterData").Accepts<PrivacyRequest>("application/json").Produces<PrivacyErased>();
        return app;
    }

    public static async Task<IResult> ExportAsync(HttpContext http, CommenterData data, CancellationToken ct)
    {
        var (email, problem) = await ReadEmailAsync(http, ct);
        return problem ?? TypedResults.Ok(await data.ExportAsync(email!, ct));
    }

    public static async Task<IResult> EraseAsync(HttpContext http, CommenterData data, CancellationToken ct)
    {
        var (email, problem) = await ReadEmailAsync(http, ct);
        return problem ?? TypedResults.Ok(new PrivacyErased(await data.EraseAsync(email!, ct)));
    }

    private static async Task<(string? Email, IResult? Problem)> ReadEmailAsync(HttpContext http, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ct);
        if (body.Problem is not null)
        {
            return (null, body.Problem);
        }

        using var document = body.Document!;
        var root = document.RootElement;
        var email = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("email", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()?.Trim()
            : null;
        return string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal)
            ? (null, Problems.Validation(new Dictionary<string, string[]> { ["email"] = ["An e-mail address is required."] }, "The request has invalid fields."))
            : (email, null);
    }
}
