using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dateline.Data;

/// <summary>Recognizes a foreign-key violation on either provider: a row still in use by another.</summary>
public static class ForeignKeyViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintForeignKey = 787;

    public static bool Is(DbUpdateException exception) => exception?.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintForeignKey
            || (sqlite.SqliteErrorCode == SqliteConstraint && sqlite.Message.Contains("FOREIGN KEY", StringComparison.Ordinal)),
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.ForeignKeyViolation,
        _ => false,
    };
}
