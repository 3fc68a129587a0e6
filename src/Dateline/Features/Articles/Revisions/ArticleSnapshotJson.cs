using System.Text.Json;

namespace Dateline.Features.Articles.Revisions;

/// <summary>How a snapshot is stored: camel-case JSON, the same shape the API shows.</summary>
internal static class ArticleSnapshotJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(ArticleSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static ArticleSnapshot Read(string json) =>
        JsonSerializer.Deserialize<ArticleSnapshot>(json, Options) ?? throw new JsonException("A revision's snapshot is null.");
}
