namespace Dateline.Features.Articles;

public sealed record ImageInput(string? Url, string? Alt, string? Caption, string? Credit, int? Width, int? Height);
