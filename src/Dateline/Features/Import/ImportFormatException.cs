using System.Xml;

namespace Dateline.Features.Import;

/// <summary>The file cannot be read as an export at all (not XML, or not the kind expected); the import stops.</summary>
public sealed class ImportFormatException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>An XML error's message without the position .NET appends, for callers that say where themselves.</summary>
    public static string ReasonOf(XmlException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.', ' ') + ".";
    }
}
