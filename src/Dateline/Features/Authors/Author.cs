namespace Dateline.Features.Authors;

public sealed class Author
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public string? Bio { get; set; }

    /// <summary>The newsroom account that writes as this author, when there is one.</summary>
    public string? UserId { get; set; }
}
