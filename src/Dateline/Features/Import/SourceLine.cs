namespace Dateline.Features.Import;

/// <summary>
/// A non-blank line of the input, cleaned of stray whitespace. Lines sharing a
/// <see cref="Paragraph"/> number had no blank line between them.
/// </summary>
internal readonly record struct SourceLine(string Text, int Paragraph);
