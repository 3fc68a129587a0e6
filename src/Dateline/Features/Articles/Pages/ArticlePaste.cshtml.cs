using Dateline.Features.Accounts;
using Dateline.Features.Import;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Articles.Pages;

/// <summary>
/// "Paste an article": a story copied from a wire service or another page becomes a draft by the
/// same rules as <c>dateline import text</c>, then opens in the editor for checking.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.WriteArticlesPolicy)]
public sealed class ArticlePasteModel(TextImporter importer, PageMeta meta) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public string? Message { get; private set; }

    public void OnGet() => meta.Title = "Paste an article";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        meta.Title = "Paste an article";
        if (string.IsNullOrWhiteSpace(Text))
        {
            return Refuse("Paste the story's text first.");
        }

        if (Text.Length > TextImporter.MaxFileBytes)
        {
            return Refuse($"That is too long for one article (at most {TextImporter.MaxFileBytes:N0} characters).");
        }

        var result = await importer.ImportAsync(Text, Actor.From(User), ct);
        if (result.Edit.Outcome == ArticleEditOutcome.Saved)
        {
            return Redirect($"/newsroom/articles/{result.Edit.Id}?saved=pasted");
        }

        return Refuse(result.Edit.Message
            ?? string.Join(" ", (result.Edit.Errors?.ToDictionary() ?? []).Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    private PageResult Refuse(string message)
    {
        Message = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
