namespace Dateline.Features.Import.Wxr;

/// <summary>The file cannot be read as WXR at all (not XML, or not a WordPress export); the import stops.</summary>
public sealed class WxrFormatException(string message, Exception? inner = null) : Exception(message, inner);
