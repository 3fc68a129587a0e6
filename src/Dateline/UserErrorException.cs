namespace Dateline;

/// <summary>
/// A mistake the user can fix (a bad argument, a missing file, bad configuration). Its message is
/// shown as it is, on one line, and the command exits with code 1; anything else is a bug.
/// </summary>
public sealed class UserErrorException(string message) : Exception(message);
