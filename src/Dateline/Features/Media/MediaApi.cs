using System.Text.Json;
using Dateline.Features.Accounts;
using Dateline.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Dateline.Features.Media;

/// <summary>The newsroom's media library API, behind API keys like the article API.</summary>
public static class MediaApi
{
    // Room for the multipart boundaries and part headers around the file itself.
    private const int MultipartAllowance = 64 * 1024;

    // Fields an answer carries that a client may send back unchanged; they are not editable.
    private static readonly HashSet<string> ReadOnlyFields =
        ["id", "fileName", "contentType", "width", "height", "byteSize", "createdAt", "url", "srcSet", "variants"];

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/newsroom/media")
            .WithTags("Newsroom media")
            .RequireAuthorization(ApiKeyAuthentication.WriteArticlesPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/", UploadMediaAsync).WithName("UploadMedia")
            // Described rather than declared with Accepts, which would answer a wrong type with a
            // bare 415 before the handler could say what to send.
            .AddOpenApiOperationTransformer(DescribeUploadAsync)
            .Produces<MediaResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", ListMediaAsync).WithName("ListMedia").Produces<MediaListResponse>();
        group.MapGet("/{id:int}", GetMediaAsync).WithName("GetMedia")
            .Produces<MediaResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id:int}", PatchMediaAsync).WithName("PatchMedia")
            .Accepts<MediaUpdateRequest>("application/json", "application/merge-patch+json")
            .Produces<MediaResponse>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:int}", DeleteMediaAsync).WithName("DeleteMedia")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<IResult> UploadMediaAsync(HttpContext http, MediaLibrary library, CancellationToken ct)
    {
        var request = http.Request;
        var bodyLimit = (long)library.MaxUploadBytes + MultipartAllowance;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = bodyLimit;
        }

        // Refused before a byte of the body is read, when the client says how much it will send.
        if (request.ContentLength > bodyLimit)
        {
            return Failure(MediaResult.Refused(MediaOutcome.TooLarge, "file", MediaLibrary.TooLargeMessage(library.MaxUploadBytes)), 0);
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Failure(MediaResult.Refused(MediaOutcome.UnsupportedType, "file", "Send the image as multipart/form-data, in a field named file."), 0);
        }

        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && disposition.IsFileDisposition()
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Equals("file", StringComparison.Ordinal))
                {
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    var result = await library.UploadAsync(section.Body, fileName, Actor.From(http.User), ct);
                    return result.Outcome == MediaOutcome.Saved
                        ? TypedResults.Created($"/api/newsroom/media/{result.Item!.Id}", MediaResponse.From(result.Item))
                        : Failure(result, 0);
                }
            }
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Problem(Problems.Make(StatusCodes.Status400BadRequest, "Malformed upload", $"The multipart body could not be read: {e.Message}"));
        }

        return Failure(MediaResult.Refused(MediaOutcome.Invalid, "file", "Required: send the image in a multipart field named file."), 0);
    }

    public static async Task<Ok<MediaListResponse>> ListMediaAsync(MediaLibrary library, SiteUrls urls, HttpRequest request, int? page, string? q, CancellationToken ct)
    {
        var result = await library.ListAsync(page ?? 1, q, ct);
        var next = result.HasNext
            ? $"{urls.BaseUrl(request)}/api/newsroom/media?page={result.Number + 1}" + (string.IsNullOrWhiteSpace(q) ? "" : $"&q={Uri.EscapeDataString(q)}")
            : null;
        return TypedResults.Ok(new MediaListResponse(result.Items, result.Number, result.HasNext, next));
    }

    public static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> GetMediaAsync(int id, MediaLibrary library, CancellationToken ct) =>
        await library.GetAsync(id, ct) is { } item
            ? TypedResults.Ok(item)
            : TypedResults.Problem(Problems.NotFound($"No media item has the id {id}."));

    public static async Task<IResult> PatchMediaAsync(int id, HttpContext http, MediaLibrary library, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ct);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using var document = body.Document!;
        var errors = new FieldErrors();
        var input = ReadInput(document.RootElement, errors);
        if (!errors.IsEmpty)
        {
            // Report every problem at once: the rules' findings on the fields that did read.
            var ruleErrors = new FieldErrors();
            MediaLibrary.Validate(input, ruleErrors);
            errors.AddMissing(ruleErrors);
            return Problems.Validation(errors.ToDictionary(), "The media item has invalid fields.");
        }

        var result = await library.UpdateAsync(id, input, Actor.From(http.User), ct);
        return result.Outcome == MediaOutcome.Saved ? TypedResults.Ok(MediaResponse.From(result.Item!)) : Failure(result, id);
    }

    public static async Task<IResult> DeleteMediaAsync(int id, HttpContext http, MediaLibrary library, CancellationToken ct)
    {
        var result = await library.DeleteAsync(id, Actor.From(http.User), ct);
        return result.Outcome == MediaOutcome.Saved ? TypedResults.NoContent() : Failure(result, id);
    }

    // { "alt": "...", "caption": "...", "credit": "..." }: each a string, or null to clear it.
    private static MediaInput ReadInput(JsonElement root, FieldErrors errors)
    {
        var input = new MediaInput();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("", "The body must be a JSON object.");
            return input;
        }

        foreach (var property in root.EnumerateObject())
        {
            string? Text()
            {
                if (property.Value.ValueKind is JsonValueKind.String)
                {
                    return JsonText.Read(property.Value, property.Name, errors);
                }

                if (property.Value.ValueKind is not JsonValueKind.Null)
                {
                    errors.Add(property.Name, "Must be a string or null.");
                }

                return null;
            }

            switch (property.Name)
            {
                case "alt": input.Alt = Text(); break;
                case "caption": input.Caption = Text(); break;
                case "credit": input.Credit = Text(); break;
                case var name when ReadOnlyFields.Contains(name): break;
                default: errors.Add(property.Name, $"'{(property.Name.Length > 50 ? property.Name[..50] + "…" : property.Name)}' is not a field of a media item."); break;
            }
        }

        return input;
    }

    private static Task DescribeUploadAsync(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The image (JPEG, PNG, WebP or GIF) in a multipart field named file.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static ProblemHttpResult Failure(MediaResult result, int id) => result.Outcome switch
    {
        MediaOutcome.NotFound => TypedResults.Problem(Problems.NotFound($"No media item has the id {id}.")),
        MediaOutcome.Forbidden => TypedResults.Problem(Problems.Make(StatusCodes.Status403Forbidden, "Forbidden", result.Message!)),
        MediaOutcome.TooLarge => Refusal(result, StatusCodes.Status413PayloadTooLarge, "The file is too large."),
        MediaOutcome.UnsupportedType => Refusal(result, StatusCodes.Status415UnsupportedMediaType, "The file is not an image this site accepts."),
        MediaOutcome.InUse => Refusal(result, StatusCodes.Status409Conflict, "The image is in use."),
        MediaOutcome.Invalid => Refusal(result, StatusCodes.Status422UnprocessableEntity, result.Message is null ? "The media item has invalid fields." : "The image was refused."),
        _ => throw new InvalidOperationException($"Unexpected outcome {result.Outcome}."),
    };

    private static ProblemHttpResult Refusal(MediaResult result, int status, string title) =>
        TypedResults.Problem(new HttpValidationProblemDetails(result.Errors!.ToDictionary()) { Status = status, Title = title, Detail = result.Message });
}
