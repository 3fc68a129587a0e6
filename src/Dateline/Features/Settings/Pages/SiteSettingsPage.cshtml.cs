using Dateline.Features.Accounts;
using Dateline.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dateline.Features.Settings.Pages;

/// <summary>
/// The site's title, tagline, URL, time zone, language and logo. What is saved here overrides
/// configuration and shows on the next request, on this instance and, within seconds, on others.
/// </summary>
[Authorize(Policy = NewsroomAuthentication.ManageSitePolicy)]
public sealed class SiteSettingsPageModel(SiteSettingsStore store, PageMeta meta) : PageModel
{
    private static readonly Lazy<IReadOnlyList<string>> Zones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Order(StringComparer.Ordinal)]);

    [BindProperty]
    public string? SiteTitle { get; set; }

    [BindProperty]
    public string? Tagline { get; set; }

    [BindProperty]
    public string? SiteUrl { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? LogoUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public FieldErrors Errors { get; } = new();

    /// <summary>Suggestions for the time zone field; any zone the machine knows is accepted.</summary>
    public static IReadOnlyList<string> TimeZones => Zones.Value;

    public SiteSettings Configured => store.Configured;

    public bool IsOverridden(string key) => store.Overridden.Contains(key);

    public void OnGet()
    {
        meta.Title = "Site settings";
        var current = store.Current;
        (SiteTitle, Tagline, SiteUrl, TimeZone, Language, LogoUrl) = (current.SiteTitle, current.Tagline, current.SiteUrl, current.TimeZone, current.Language, current.LogoUrl);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        meta.Title = "Site settings";
        Saved = false;
        var input = new SiteSettings { SiteTitle = SiteTitle ?? "", Tagline = Tagline ?? "", SiteUrl = SiteUrl ?? "", TimeZone = TimeZone ?? "", Language = Language ?? "", LogoUrl = LogoUrl ?? "" };
        var settings = SiteSettings.Check(input, Errors);
        if (!Errors.IsEmpty)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        await store.SaveAsync(settings, ct);
        return Redirect("/newsroom/settings/?saved=true");
    }
}
