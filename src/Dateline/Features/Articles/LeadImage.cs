namespace Dateline.Features.Articles;

public sealed class LeadImage
{
    // Empty until a photo is attached: a pasted story may bring its caption and credit first.
    public string? Url { get; set; }
    public string? Alt { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
}
