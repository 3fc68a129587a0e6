namespace Dateline.Features.Articles;

/// <summary>An author or topic named in input: by name, with its slug when the caller knows it.</summary>
public sealed record NameInput(string Name, string? Slug = null);
