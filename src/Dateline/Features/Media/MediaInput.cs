using Dateline.Features.Articles;

namespace Dateline.Features.Media;

/// <summary>The words about a media item an editor may change; unset fields are left alone.</summary>
public sealed class MediaInput
{
    public Optional<string?> Alt { get; set; }
    public Optional<string?> Caption { get; set; }
    public Optional<string?> Credit { get; set; }
}
