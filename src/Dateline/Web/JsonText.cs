using System.Text.Json;

namespace Dateline.Web;

public static class JsonText
{
    /// <summary>
    /// A JSON string's text, or an error against the field: an escape such as "\ud800" is valid
    /// JSON but not text, and GetString refuses it.
    /// </summary>
    public static string? Read(JsonElement value, string field, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            errors.Add(field, "Contains broken Unicode (an unpaired surrogate).");
            return null;
        }
    }
}
