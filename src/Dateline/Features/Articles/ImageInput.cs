namespace Dateline.Features.Articles;

public sealed record ImageInput(string? Url, string? Alt, string? Caption, string? Credit, int? Width, int? Height)
{
    /// <summary>A media-library item to use; its file gives the URL and size, and its words fill in those left empty.</summary>
    public int? MediaId { get; init; }
}
