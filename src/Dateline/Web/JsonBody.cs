using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dateline.Web;

/// <summary>
/// Reads a JSON request body for handlers that report errors field by field: a wrong media
/// type, a body over the limit, bytes that are not UTF-8 and malformed JSON each get their own
/// 4xx problem instead of an exception.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 4 * 1024 * 1024;

    public sealed record Result(JsonDocument? Document, ProblemHttpResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!request.HasJsonContentType() && !string.Equals(mediaType, "application/merge-patch+json", StringComparison.OrdinalIgnoreCase))
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send JSON (Content-Type: application/json).");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return Fail(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {MaxBytes / 1024 / 1024} MB.");
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span))
        {
            return Fail(StatusCodes.Status400BadRequest, "Malformed JSON", "The body is not valid UTF-8.");
        }

        try
        {
            return new Result(JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 }), null);
        }
        catch (JsonException e)
        {
            return Fail(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
    }

    private static Result Fail(int status, string title, string detail) =>
        new(null, TypedResults.Problem(Problems.Make(status, title, detail)));
}
