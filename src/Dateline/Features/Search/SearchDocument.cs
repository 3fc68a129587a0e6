namespace Dateline.Features.Search;

/// <summary>What the index holds for one article, as plain text.</summary>
public sealed record SearchDocument(int ArticleId, string Headline, string Dek, string Body, string Authors, string Topics);
