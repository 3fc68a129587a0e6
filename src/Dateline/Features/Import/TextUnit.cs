namespace Dateline.Features.Import;

/// <summary>
/// A paragraph of text, or a single line of some other kind, spanning lines
/// <see cref="Start"/> up to (not including) <see cref="End"/>.
/// </summary>
internal readonly record struct TextUnit(LineKind Kind, int Start, int End, string Text);
