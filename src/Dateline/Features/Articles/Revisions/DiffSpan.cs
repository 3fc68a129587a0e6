namespace Dateline.Features.Articles.Revisions;

/// <summary>A run of text that was kept, deleted or inserted. Plain text: a page encodes it as it shows it.</summary>
public sealed record DiffSpan(DiffChange Change, string Text);
