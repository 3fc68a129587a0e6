namespace Dateline.Web;

/// <summary>A page's share image for Open Graph and Twitter cards; a site-relative URL is made absolute by the layout.</summary>
public sealed record PageImage(string Url, int? Width, int? Height, string? Alt);
