namespace Dateline.Features.Articles;

public sealed record NameResponse(string Name, string Slug);

public sealed record ImageResponse(string? Url, string? Alt, string? Caption, string? Credit, int? Width, int? Height, int? MediaId = null);

public sealed record NoteResponse(DateTime At, string Text, string Kind);
