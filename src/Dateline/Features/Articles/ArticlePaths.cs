using System.Globalization;

namespace Dateline.Features.Articles;

public static class ArticlePaths
{
    /// <summary>The canonical path, /yyyy/MM/dd/slug/, with the slug escaped for non-Latin letters.</summary>
    public static string Of(DateOnly date, string slug) =>
        string.Create(CultureInfo.InvariantCulture, $"/{date:yyyy}/{date:MM}/{date:dd}/{Uri.EscapeDataString(slug)}/");
}
