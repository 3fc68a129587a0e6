namespace Dateline.Features.Import;

/// <summary>
/// The text cannot be read as an article at all; the message is meant for the person importing it.
/// </summary>
public sealed class PlainTextImportException(string message) : Exception(message);
