using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dateline.Features.Articles.Revisions;

/// <summary>"draft", "scheduled", "published": the words the article JSON uses.</summary>
public sealed class ArticleStatusJsonConverter() : JsonStringEnumConverter<ArticleStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
