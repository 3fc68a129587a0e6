using System.Text.Json.Serialization;

namespace Dateline.Features.Articles.Revisions;

[JsonConverter(typeof(DiffChangeJsonConverter))]
public enum DiffChange
{
    Unchanged,
    Deleted,
    Inserted,

    /// <summary>A line whose words changed; its spans say which.</summary>
    Modified,
}
