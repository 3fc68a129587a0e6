using System.Text.Json;
using Dateline.Features.Accounts;
using Dateline.Web;

namespace Dateline.Features.Comments;

/// <summary>Reading and changing the discussion settings through the newsroom API (admins).</summary>
public static class DiscussionSettingsApi
{
    // A misspelt setting must be an error, not silently ignored.
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static IEndpointRouteBuilder MapDiscussionSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/newsroom/settings/discussion")
            .WithTags("Newsroom settings")
            .RequireAuthorization(ApiKeyAuthentication.ManageSitePolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", GetAsync).WithName("GetDiscussionSettings").Produces<DiscussionSettings>();
        group.MapPut("/", PutAsync).WithName("PutDiscussionSettings")
            .Accepts<DiscussionSettings>("application/json")
            .Produces<DiscussionSettings>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<IResult> GetAsync(DiscussionSettingsStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.GetAsync(ct));

    public static async Task<IResult> PutAsync(HttpContext http, DiscussionSettingsStore store, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using var document = body.Document!;
        DiscussionSettings? settings;
        try
        {
            settings = document.RootElement.Deserialize<DiscussionSettings>(Strict);
        }
        catch (System.Text.Json.JsonException e)
        {
            var field = e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "";
            return Problems.Validation(new Dictionary<string, string[]> { [field] = [e.Message.Split(". Path", 2)[0] + "."] }, "The settings have invalid fields.");
        }

        var errors = new FieldErrors();
        if (settings is null)
        {
            errors.Add("", "The body must be a JSON object.");
        }
        else
        {
            DiscussionSettingsStore.Validate(settings, errors);
        }

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors.ToDictionary(), "The settings have invalid fields.");
        }

        await store.SaveAsync(settings!, ct);
        return TypedResults.Ok(settings);
    }
}
