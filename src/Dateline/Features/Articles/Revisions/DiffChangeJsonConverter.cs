using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dateline.Features.Articles.Revisions;

public sealed class DiffChangeJsonConverter() : JsonStringEnumConverter<DiffChange>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
