namespace Dateline.Features.Accounts;

/// <summary>What came of changing a newsroom account.</summary>
public enum AccountChange
{
    Done,
    NotFound,
    UnknownRole,

    /// <summary>Refused: the site would be left without an admin.</summary>
    LastAdmin,
}
