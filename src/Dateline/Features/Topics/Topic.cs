using Dateline.Features.Articles;

namespace Dateline.Features.Topics;

public sealed class Topic
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Description { get; set; }
    public List<Article> Articles { get; set; } = [];
}
