using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.Json;

namespace Dateline.Data;

/// <summary>
/// Reads the times EF Core stores in SQLite (text such as <c>2026-11-30 01:18:50.1234567</c>)
/// without <see cref="DateTime.Parse(string, IFormatProvider)"/>. Microsoft.Data.Sqlite parses
/// every time with the general, culture-aware parser: on an article page with 500 comments that
/// was about 6% of the server's time. Writing, comparing and ordering are unchanged, and anything
/// not in that one shape (a time written by hand, a number) is read by the provider as before.
/// </summary>
public static class SqliteTimes
{
    private const string TextFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private static readonly int[] FractionScale = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    /// <summary>The value at <paramref name="ordinal"/> of the current row, which is not null.</summary>
    public static DateTime Read(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        // Asking for text turns a stored number into text for good, so the type is checked first.
        return reader.GetFieldType(ordinal) == typeof(string) && TryParse(reader.GetString(ordinal), out var value)
            ? value
            : reader.GetDateTime(ordinal);
    }

    /// <summary>
    /// Parses <c>yyyy-MM-dd HH:mm:ss</c> with an optional fraction of one to seven digits, the
    /// shape EF Core writes; the result has no kind, as the provider's own parse gives.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;
        if (text.Length < 19 || text.Length == 20 || text.Length > 27
            || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || !Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0L;
        if (text.Length > 19)
        {
            if (text[19] != '.' || !Digits(text[20..], out var fraction))
            {
                return false;
            }

            ticks = (long)fraction * FractionScale[text.Length - 21];
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return true;
    }

    /// <summary>The text EF Core's SQLite provider writes for <paramref name="value"/>.</summary>
    public static string Format(DateTime value) => value.ToString(TextFormat, CultureInfo.InvariantCulture);

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>Adds the mapping below to a SQLite context's options.</summary>
    public static DbContextOptionsBuilder UseFastSqliteTimes(this DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new Extension());
        return options;
    }

    /// <summary>
    /// SQLite's mapping of <see cref="DateTime"/> (TEXT, the same literals and parameters), whose
    /// values are read through <see cref="Read"/>.
    /// </summary>
    public sealed class Mapping : DateTimeTypeMapping
    {
        public static readonly Mapping Text = new(new RelationalTypeMappingParameters(
            new CoreTypeMappingParameters(typeof(DateTime), jsonValueReaderWriter: JsonDateTimeReaderWriter.Instance), "TEXT", dbType: System.Data.DbType.DateTime));

        private static readonly MethodInfo ReadMethod = typeof(SqliteTimes).GetMethod(nameof(Read))!;

        private Mapping(RelationalTypeMappingParameters parameters)
            : base(parameters)
        {
        }

        protected override string SqlLiteralFormatString => "'{0:" + TextFormat + "}'";

        public override Expression CustomizeDataReaderExpression(Expression expression) =>
            expression is MethodCallExpression { Method.Name: nameof(DbDataReader.GetDateTime), Object: { } reader, Arguments: [var ordinal] }
                ? Expression.Call(ReadMethod, reader, ordinal)
                : base.CustomizeDataReaderExpression(expression);

        protected override RelationalTypeMapping Clone(RelationalTypeMappingParameters parameters) => new Mapping(parameters);
    }

    private sealed class Plugin : IRelationalTypeMappingSourcePlugin
    {
        public RelationalTypeMapping? FindMapping(in RelationalTypeMappingInfo mappingInfo) =>
            mappingInfo.ClrType == typeof(DateTime) && (mappingInfo.StoreTypeName is null || string.Equals(mappingInfo.StoreTypeName, "TEXT", StringComparison.OrdinalIgnoreCase))
                ? Mapping.Text
                : null;
    }

    private sealed class Extension : IDbContextOptionsExtension
    {
        public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

        public void ApplyServices(IServiceCollection services) => services.AddSingleton<IRelationalTypeMappingSourcePlugin, Plugin>();

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;

            public override string LogFragment => "FastSqliteTimes ";

            public override int GetServiceProviderHashCode() => 0;

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Dateline:FastSqliteTimes"] = "1";
        }
    }
}
