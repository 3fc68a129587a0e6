namespace Dateline.Features.Articles.Revisions;

/// <summary>One field of a snapshot as people read it: its API name, its label and its text.</summary>
public sealed record RevisionField(string Name, string Label, Func<ArticleSnapshot, string?> Text);
