using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Dateline.Web;

/// <summary>
/// The schema.org JSON-LD every page shares (breadcrumbs, the site and its publisher), and the
/// one way any of it is written into a page.
/// </summary>
public static class StructuredData
{
    /// <summary>The logo shipped in wwwroot, used when no <c>Dateline:LogoUrl</c> is set; its size is known.</summary>
    public const string DefaultLogoPath = "/logo.png";

    public const int DefaultLogoSize = 512;

    // JSON-LD sits inside a script element, where "</script>" or "<!--" in a headline would end or
    // change it. This encoder escapes <, >, &, quotes and + whatever ranges it allows, so text in
    // any script stays readable and markup cannot get out.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The text to put between &lt;script type="application/ld+json"&gt; and its end tag, unencoded.</summary>
    public static string Serialize(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Options);
    }

    /// <summary>Home, then each crumb; every step links its page.</summary>
    public static JsonObject BreadcrumbList(string baseUrl, IEnumerable<Crumb> crumbs)
    {
        ArgumentNullException.ThrowIfNull(crumbs);
        var items = new JsonArray();
        foreach (var crumb in crumbs.Prepend(new Crumb("Home", "/")))
        {
            items.Add(new JsonObject
            {
                ["@type"] = "ListItem",
                ["position"] = items.Count + 1,
                ["name"] = crumb.Name,
                ["item"] = baseUrl + crumb.Path,
            });
        }

        return new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = items,
        };
    }

    /// <summary>The site, with the search box search engines may offer for it.</summary>
    public static JsonObject WebSite(string baseUrl, DatelineOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "WebSite",
            ["name"] = site.SiteTitle,
            ["url"] = baseUrl + "/",
            ["inLanguage"] = site.Language,
        };
        if (!string.IsNullOrEmpty(site.Tagline))
        {
            json["description"] = site.Tagline;
        }

        json["publisher"] = Publisher(baseUrl, site);
        json["potentialAction"] = new JsonObject
        {
            ["@type"] = "SearchAction",
            ["target"] = new JsonObject
            {
                ["@type"] = "EntryPoint",
                ["urlTemplate"] = baseUrl + "/search?q={search_term_string}",
            },
            ["query-input"] = "required name=search_term_string",
        };
        return json;
    }

    /// <summary>The news organization behind the site, with its logo.</summary>
    public static JsonObject Publisher(string baseUrl, DatelineOptions site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var logo = new JsonObject { ["@type"] = "ImageObject" };
        if (site.LogoUrl is { Length: > 0 } configured)
        {
            // Its size is not known, and schema.org does not require it.
            logo["url"] = configured.StartsWith('/') ? baseUrl + configured : configured;
        }
        else
        {
            logo["url"] = baseUrl + DefaultLogoPath;
            logo["width"] = DefaultLogoSize;
            logo["height"] = DefaultLogoSize;
        }

        return new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = site.SiteTitle,
            ["url"] = baseUrl + "/",
            ["logo"] = logo,
        };
    }

    /// <summary>
    /// og:locale from the site's language tag: Open Graph wants language_TERRITORY, so pt-BR is
    /// pt_BR, and a bare language takes its most likely territory (en is en_US, fr is fr_FR).
    /// </summary>
    public static string OgLocale(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var region = Region(language);
        if (region is null)
        {
            try
            {
                region = Region(CultureInfo.CreateSpecificCulture(language).Name);
            }
            catch (CultureNotFoundException)
            {
                // A tag this machine does not know is still the site's language; say it without a territory.
            }
        }

        var primary = language.Split('-')[0].ToLowerInvariant();
        return region is null ? primary : $"{primary}_{region.ToUpperInvariant()}";
    }

    // The territory subtag: two letters or three digits, after the language and any script (zh-Hant-TW).
    private static string? Region(string tag) =>
        tag.Split('-').Skip(1).FirstOrDefault(p => (p.Length == 2 && p.All(char.IsAsciiLetter)) || (p.Length == 3 && p.All(char.IsAsciiDigit)));
}
