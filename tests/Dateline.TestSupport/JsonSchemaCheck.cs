using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dateline.TestSupport;

/// <summary>
/// A small JSON Schema (draft 7) checker: the keywords the JSON Feed schemas use (type,
/// properties, required, enum, items, $ref to definitions, allOf, anyOf, additionalProperties,
/// patternProperties, minProperties, and the uri and date-time formats). Returns every violation.
/// </summary>
public static partial class JsonSchemaCheck
{
    public static IReadOnlyList<string> Errors(JsonElement schema, JsonElement value)
    {
        var errors = new List<string>();
        Check(schema, schema, value, "$", errors);
        return errors;
    }

    private static void Check(JsonElement root, JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True || (schema.ValueKind == JsonValueKind.Object && !schema.EnumerateObject().Any()))
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{at}: not allowed");
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            const string prefix = "#/definitions/";
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new NotSupportedException($"$ref {name}");
            }

            Check(root, root.GetProperty("definitions").GetProperty(name[prefix.Length..]), value, at, errors);
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(value, type.GetString()!))
        {
            errors.Add($"{at}: expected {type.GetString()}, found {value.ValueKind}");
            return;
        }

        if (schema.TryGetProperty("enum", out var choices) && !choices.EnumerateArray().Any(c => JsonElement.DeepEquals(c, value)))
        {
            errors.Add($"{at}: {value} is not one of {choices}");
        }

        if (schema.TryGetProperty("format", out var format) && value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            var ok = format.GetString() switch
            {
                "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
                "date-time" => Rfc3339().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                _ => true,
            };
            if (!ok)
            {
                errors.Add($"{at}: '{text}' is not a {format.GetString()}");
            }
        }

        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray())
            {
                Check(root, part, value, at, errors);
            }
        }

        if (schema.TryGetProperty("anyOf", out var any) && !any.EnumerateArray().Any(part => Errors(root, part, value, at).Count == 0))
        {
            errors.Add($"{at}: matches none of anyOf {any}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(root, schema, value, at, errors);
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(root, items, item, $"{at}[{i++}]", errors);
            }
        }
    }

    private static void CheckObject(JsonElement root, JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{at}: missing required '{name}'");
                }
            }
        }

        if (schema.TryGetProperty("minProperties", out var min) && value.EnumerateObject().Count() < min.GetInt32())
        {
            errors.Add($"{at}: fewer than {min.GetInt32()} properties");
        }

        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var patterns = schema.TryGetProperty("patternProperties", out var pp) ? pp : default;
        foreach (var property in value.EnumerateObject())
        {
            var where = $"{at}.{property.Name}";
            var matched = false;
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var sub))
            {
                matched = true;
                Check(root, sub, property.Value, where, errors);
            }

            if (patterns.ValueKind == JsonValueKind.Object)
            {
                foreach (var pattern in patterns.EnumerateObject().Where(x => Regex.IsMatch(property.Name, x.Name, RegexOptions.None, TimeSpan.FromSeconds(1))))
                {
                    matched = true;
                    Check(root, pattern.Value, property.Value, where, errors);
                }
            }

            if (!matched && schema.TryGetProperty("additionalProperties", out var additional))
            {
                Check(root, additional, property.Value, where, errors);
            }
        }
    }

    private static List<string> Errors(JsonElement root, JsonElement schema, JsonElement value, string at)
    {
        var errors = new List<string>();
        Check(root, schema, value, at, errors);
        return errors;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"type {type}"),
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Rfc3339();
}
