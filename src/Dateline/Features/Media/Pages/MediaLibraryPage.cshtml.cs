using Dateline.Features.Accounts;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Media.Pages;

/// <summary>
/// The newsroom's media library: upload, then give each photo its alt text, caption and credit,
/// which articles using it show. Uploading goes through <see cref="MediaLibrary"/>, so the page
/// refuses exactly what the API refuses, with the same words.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.WriteArticlesPolicy)]
// The form is read before the handler runs, so the request itself is capped here; the library
// then applies the configured limit, with its clear message, to the file.
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class MediaLibraryPageModel(MediaLibrary library, PageMeta meta) : PageModel
{
    private const long MaxRequestBytes = 100L * 1024 * 1024;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<MediaResponse> Result { get; private set; } = new([], 1, false);
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }
    public string? Notice { get; private set; }
    public int? EditedId { get; private set; }
    public MediaInput? Typed { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Notice = done switch
        {
            "uploaded" => "Uploaded. Give it alt text, a caption and a credit below.",
            "saved" => "Saved.",
            "deleted" => "Deleted.",
            _ => null,
        };
        await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Errors.Add("file", "Choose an image file (JPEG, PNG, WebP or GIF) to upload.");
            return await RefuseAsync(StatusCodes.Status422UnprocessableEntity, null, ct);
        }

        await using var stream = file.OpenReadStream();
        var result = await library.UploadAsync(stream, file.FileName, Actor.From(User), ct);
        return result.Outcome == MediaOutcome.Saved
            ? Redirect("/newsroom/media/?done=uploaded")
            : await FailAsync(result, null, ct);
    }

    public async Task<IActionResult> OnPostEditAsync(int id, string? alt, string? caption, string? credit, CancellationToken ct)
    {
        var input = new MediaInput { Alt = alt, Caption = caption, Credit = credit };
        var result = await library.UpdateAsync(id, input, Actor.From(User), ct);
        if (result.Outcome == MediaOutcome.Saved)
        {
            return Redirect("/newsroom/media/?done=saved");
        }

        Typed = input;
        return await FailAsync(result, id, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var result = await library.DeleteAsync(id, Actor.From(User), ct);
        return result.Outcome == MediaOutcome.Saved ? Redirect("/newsroom/media/?done=deleted") : await FailAsync(result, id, ct);
    }

    private async Task<IActionResult> FailAsync(MediaResult result, int? id, CancellationToken ct)
    {
        if (result.Outcome == MediaOutcome.NotFound)
        {
            return NotFound();
        }

        Errors = result.Errors ?? new FieldErrors();
        Message = result.Message;
        return await RefuseAsync(result.Outcome switch
        {
            MediaOutcome.Forbidden => StatusCodes.Status403Forbidden,
            MediaOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
            MediaOutcome.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
            MediaOutcome.InUse => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        }, id, ct);
    }

    private async Task<PageResult> RefuseAsync(int status, int? id, CancellationToken ct)
    {
        EditedId = id;
        Response.StatusCode = status;
        await ShowAsync(ct);
        return Page();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        meta.Title = "Media";
        Result = await library.ListAsync(PageNumber, Query, ct);
    }
}
