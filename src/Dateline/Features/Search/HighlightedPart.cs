namespace Dateline.Features.Search;

public sealed record HighlightedPart(string Text, bool IsMatch);
