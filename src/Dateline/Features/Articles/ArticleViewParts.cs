namespace Dateline.Features.Articles;

public sealed record PersonView(string Name, string Slug, string? Bio);

public sealed record NameView(string Name, string Slug);

public sealed record NoteView(int Id, ArticleNoteKind Kind, DateTime At, string Text);
