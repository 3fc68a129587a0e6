namespace Dateline.Features.Topics;

/// <summary>The desk an article belongs to (World, Business); WordPress categories map here.</summary>
public sealed class Section
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
}
