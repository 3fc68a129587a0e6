using System.Globalization;
using Dateline.Features.Accounts;
using Dateline.Features.Comments;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Settings.Pages;

/// <summary>
/// The discussion settings as a form: the same <see cref="DiscussionSettings"/> and rules as the
/// newsroom API's. Numbers are taken as typed, so that "ten" comes back with its error, not as 0.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.ManageSitePolicy)]
public sealed class DiscussionSettingsPageModel(DiscussionSettingsStore store, PageMeta meta) : PageModel
{
    [BindProperty]
    public bool CommentsOpenByDefault { get; set; }

    [BindProperty]
    public string? CloseAfterDays { get; set; }

    [BindProperty]
    public bool RequirePreviousApproval { get; set; }

    [BindProperty]
    public string? HoldLinkCount { get; set; }

    [BindProperty]
    public string? HoldWords { get; set; }

    [BindProperty]
    public string? DenyWords { get; set; }

    [BindProperty]
    public string? ThreadDepth { get; set; }

    [BindProperty]
    public string? PageSize { get; set; }

    [BindProperty]
    public bool NewestFirst { get; set; }

    [BindProperty]
    public string? FloodSeconds { get; set; }

    [BindProperty]
    public string? MinimumSecondsToSubmit { get; set; }

    [BindProperty]
    public string? EraseIpAfterDays { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public FieldErrors Errors { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        meta.Title = "Discussion settings";
        var settings = await store.GetAsync(ct);
        CommentsOpenByDefault = settings.CommentsOpenByDefault;
        CloseAfterDays = Text(settings.CloseAfterDays);
        RequirePreviousApproval = settings.RequirePreviousApproval;
        HoldLinkCount = Text(settings.HoldLinkCount);
        HoldWords = string.Join('\n', settings.HoldWords);
        DenyWords = string.Join('\n', settings.DenyWords);
        ThreadDepth = Text(settings.ThreadDepth);
        PageSize = Text(settings.PageSize);
        NewestFirst = settings.NewestFirst;
        FloodSeconds = Text(settings.FloodSeconds);
        MinimumSecondsToSubmit = Text(settings.MinimumSecondsToSubmit);
        EraseIpAfterDays = Text(settings.EraseIpAfterDays);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        meta.Title = "Discussion settings";
        Saved = false;
        var typed = new FieldErrors();
        var (holdWords, holdLines) = Lines(HoldWords);
        var (denyWords, denyLines) = Lines(DenyWords);
        var settings = new DiscussionSettings
        {
            CommentsOpenByDefault = CommentsOpenByDefault,
            CloseAfterDays = Number(CloseAfterDays, "closeAfterDays", typed),
            RequirePreviousApproval = RequirePreviousApproval,
            HoldLinkCount = Number(HoldLinkCount, "holdLinkCount", typed),
            HoldWords = holdWords,
            DenyWords = denyWords,
            ThreadDepth = Number(ThreadDepth, "threadDepth", typed),
            PageSize = Number(PageSize, "pageSize", typed),
            NewestFirst = NewestFirst,
            FloodSeconds = Number(FloodSeconds, "floodSeconds", typed),
            MinimumSecondsToSubmit = Number(MinimumSecondsToSubmit, "minimumSecondsToSubmit", typed),
            EraseIpAfterDays = Number(EraseIpAfterDays, "eraseIpAfterDays", typed),
        };
        var rules = new FieldErrors();
        DiscussionSettingsStore.Validate(settings, rules);
        Errors = ByField(rules, new() { ["holdWords"] = holdLines, ["denyWords"] = denyLines });
        // A number that could not be read has that error alone, not also a range error about 0.
        typed.AddMissing(Errors);
        Errors = typed;
        if (!Errors.IsEmpty)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await store.SaveAsync(settings, ct);
        return Redirect("/newsroom/settings/discussion?saved=true");
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Number(string? text, string field, FieldErrors errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, string.IsNullOrWhiteSpace(text) ? "Required." : "Must be a whole number.");
        return 0;
    }

    /// <summary>One entry per non-empty line, with the line each came from, for naming it in an error.</summary>
    private static (IReadOnlyList<string> Words, IReadOnlyList<int> Lines) Lines(string? text)
    {
        var words = new List<string>();
        var lines = new List<int>();
        var all = (text ?? "").ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i].Trim() is { Length: > 0 } word)
            {
                words.Add(word);
                lines.Add(i + 1);
            }
        }

        return (words, lines);
    }

    // The rules name an entry of a list as "holdWords[3]"; the form has one box, so the message
    // goes beside it and names the line instead.
    private static FieldErrors ByField(FieldErrors rules, Dictionary<string, IReadOnlyList<int>> lists)
    {
        var errors = new FieldErrors();
        foreach (var (key, messages) in rules.ToDictionary())
        {
            var bracket = key.IndexOf('[', StringComparison.Ordinal);
            var field = bracket < 0 ? key : key[..bracket];
            var prefix = bracket >= 0 && lists.TryGetValue(field, out var lines)
                && int.TryParse(key[(bracket + 1)..^1], CultureInfo.InvariantCulture, out var index) && index < lines.Count
                    ? $"Line {lines[index]}: "
                    : "";
            foreach (var message in messages)
            {
                errors.Add(field, prefix + message);
            }
        }

        return errors;
    }
}
