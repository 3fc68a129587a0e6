using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dateline.Data;

/// <summary>
/// Inserts new rows of one entity type with a single prepared, parameterized statement on the
/// context's connection and inside its current transaction, without the change tracker. An import
/// of a hundred thousand comments spent most of its time in EF's tracking and batching of rows it
/// never reads back; written this way each row costs one statement execution. The table, columns,
/// value conversions and parameter types all come from the EF model, so the statement follows the
/// model on SQLite and PostgreSQL alike. The entity's generated key is read back and set on it.
/// Nothing reacts to these rows as it would to a save (the search interceptor does not see them):
/// use it only for entities nothing watches.
/// </summary>
public sealed class RowInserter<T> : IDisposable where T : class
{
    private readonly DbCommand command;
    private readonly Column[] columns;
    private readonly IProperty key;

    // On a database across a network (PostgreSQL) one statement per row is one round trip per
    // row; where the provider can batch, many rows go in one round trip, each its own statement
    // so that every key comes back in order.
    private const int RowsPerBatch = 500;

    internal sealed record Column(IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping);

    internal RowInserter(DbCommand command, Column[] columns, IProperty key)
    {
        this.command = command;
        this.columns = columns;
        this.key = key;
    }

    /// <summary>Inserts one row and sets the entity's key to the one the database gave it.</summary>
    public async Task InsertAsync(T row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        foreach (var column in columns)
        {
            column.Parameter.Value = ValueOf(column, row);
        }

        SetKey(row, await command.ExecuteScalarAsync(ct));
    }

    /// <summary>Inserts the rows in order and sets each one's key, in batches where the provider has them.</summary>
    public async Task InsertAllAsync(IReadOnlyList<T> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var connection = command.Connection!;
        if (!connection.CanCreateBatch || rows.Count < 2)
        {
            foreach (var row in rows)
            {
                await InsertAsync(row, ct);
            }

            return;
        }

        foreach (var chunk in rows.Chunk(RowsPerBatch))
        {
            using var batch = connection.CreateBatch();
            batch.Transaction = command.Transaction;
            foreach (var row in chunk)
            {
                var statement = batch.CreateBatchCommand();
                statement.CommandText = command.CommandText;
                foreach (var column in columns)
                {
                    // The mapping converts the value to the provider's type itself.
                    var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(row);
                    var parameter = column.Mapping.CreateParameter(command, column.Parameter.ParameterName, value, column.Property.IsNullable);
                    statement.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(statement);
            }

            await using var reader = await batch.ExecuteReaderAsync(ct);
            foreach (var row in chunk)
            {
                if (!await reader.ReadAsync(ct))
                {
                    throw new InvalidOperationException($"The database gave no key for a new {typeof(T).Name}.");
                }

                SetKey(row, reader.GetValue(0));
                await reader.NextResultAsync(ct);
            }
        }
    }

    private static object ValueOf(Column column, T row)
    {
        var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(row);
        if (value is not null && column.Mapping.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value ?? DBNull.Value;
    }

    private void SetKey(T row, object? id) =>
        key.PropertyInfo!.SetValue(row, Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => command.Dispose();
}

/// <summary>Makes <see cref="RowInserter{T}"/>s.</summary>
public static class RowInserter
{
    /// <summary>A prepared insert on the context's open connection; the context must be in a transaction.</summary>
    public static async Task<RowInserter<T>> CreateAsync<T>(DbContext db, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted inside the caller's transaction, and there is none.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only
            : throw new InvalidOperationException($"{typeof(T).Name} needs a single generated key to be inserted this way.");
        var sql = db.GetService<ISqlGenerationHelper>();

        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var columns = new List<RowInserter<T>.Column>();
        foreach (var property in entity.GetProperties())
        {
            if (property == key || property.GetColumnName(table) is not { } name)
            {
                continue;
            }

            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, sql.GenerateParameterName($"p{columns.Count}"), null, property.IsNullable);
            command.Parameters.Add(parameter);
            columns.Add(new RowInserter<T>.Column(property, parameter, mapping));
        }

        var names = columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!));
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName))}) RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
        await command.PrepareAsync(ct);
        return new RowInserter<T>(command, [.. columns], key);
    }

    /// <summary>Inserts the rows with one prepared statement (see <see cref="RowInserter{T}"/>).</summary>
    public static async Task InsertAllAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        using var inserter = await CreateAsync<T>(db, ct);
        await inserter.InsertAllAsync([.. rows], ct);
    }
}
