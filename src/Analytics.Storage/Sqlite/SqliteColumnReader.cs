using System.Data.Common;
using System.Text;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;
using Analytics.Storage.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Analytics.Storage.Sqlite;

/// <summary>
/// Runs a columnar read on SQLite's own statement interface rather than through ADO.NET: values come straight from the
/// statement (no per-call handle bookkeeping, no boxing), and text is decoded into a reused buffer and looked up in the
/// read's string table, so a string is made only the first time a value is met. Measured on 340,000 test results
/// (bench/README.md), this is what makes SQLite reads cheap enough for signals over a whole organisation.
/// </summary>
internal sealed class SqliteColumnReader
{
    private readonly ColumnFiller _filler;
    private readonly bool[] _nullable;
    private char[] _chars = new char[256];

    private SqliteColumnReader(ColumnFiller filler)
    {
        _filler = filler;
        _nullable = filler.Columns.Select(c => c.IsNullable).ToArray();
    }

    /// <summary>Streams the batches of <paramref name="command"/>'s <c>SELECT</c> (its text and parameters are used; the command is not run).</summary>
    /// <exception cref="StoreException">SQLite refused the statement or failed while stepping through it.</exception>
    public static IEnumerable<ColumnBatch> Read(DbCommand command, ColumnFiller filler, string store, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)command.Connection!;
        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        var result = raw.sqlite3_prepare_v2(db, command.CommandText, out var statement);
        if (result != raw.SQLITE_OK)
        {
            throw new StoreException($"{store}: cannot read ({raw.sqlite3_errmsg(db).utf8_to_string()}): {command.CommandText}");
        }

        using (statement)
        {
            foreach (DbParameter parameter in command.Parameters)
            {
                Bind(statement, raw.sqlite3_bind_parameter_index(statement, parameter.ParameterName), parameter.Value);
            }

            var reader = new SqliteColumnReader(filler);
            var batch = filler.NewBatch();
            while (true)
            {
                result = raw.sqlite3_step(statement);
                if (result == raw.SQLITE_DONE)
                {
                    break;
                }

                if (result != raw.SQLITE_ROW)
                {
                    throw new StoreException($"{store}: reading failed ({raw.sqlite3_errmsg(db).utf8_to_string()}): {command.CommandText}");
                }

                reader.ReadRow(statement, batch);
                if (batch.Count == ColumnBatch.Capacity)
                {
                    yield return batch;
                    cancellationToken.ThrowIfCancellationRequested();
                    batch = filler.NewBatch();
                }
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    private static void Bind(sqlite3_stmt statement, int index, object? value)
    {
        var result = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(statement, index, number),
            _ => throw new ArgumentException($"a columnar read cannot bind a {value.GetType().Name}", nameof(value)),
        };
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"binding parameter {index} failed with SQLite code {result}");
        }
    }

    private void ReadRow(sqlite3_stmt statement, ColumnBatch batch)
    {
        var row = batch.Count;
        var columns = _filler.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var isNull = _nullable[c] && raw.sqlite3_column_type(statement, c) == raw.SQLITE_NULL;
            if (batch.NullsToFill(c) is { } nulls)
            {
                nulls[row] = isNull;
            }

            switch (columns[c].Kind)
            {
                case ColumnKind.Text:
                    batch.CodesToFill(c)[row] = isNull ? StringTable.Null : _filler.TextCode(Text(statement, c));
                    break;
                case ColumnKind.Enum:
                    batch.CodesToFill(c)[row] = isNull ? StringTable.Null : _filler.EnumValue(c, Text(statement, c));
                    break;
                case ColumnKind.TextList:
                    batch.CodesToFill(c)[row] = _filler.ListCode(c, isNull ? default : Text(statement, c), isNull);
                    break;
                case ColumnKind.Integer:
                    batch.CodesToFill(c)[row] = isNull ? 0 : checked((int)raw.sqlite3_column_int64(statement, c));
                    break;
                case ColumnKind.Boolean:
                    batch.CodesToFill(c)[row] = !isNull && raw.sqlite3_column_int64(statement, c) != 0 ? 1 : 0;
                    break;
                case ColumnKind.Instant:
                    batch.TicksToFill(c)[row] = isNull ? 0 : StoreInstants.TicksFromSqliteText(Text(statement, c));
                    break;
                case ColumnKind.Duration:
                    batch.TicksToFill(c)[row] = isNull ? 0 : Seconds.ToTimeSpan(raw.sqlite3_column_double(statement, c)).Ticks;
                    break;
                default:
                    batch.RealsToFill(c)[row] = isNull ? 0 : raw.sqlite3_column_double(statement, c);
                    break;
            }
        }

        batch.Count = row + 1;
    }

    /// <summary>A text column's value, decoded into the reused buffer (valid until the next call).</summary>
    private ReadOnlySpan<char> Text(sqlite3_stmt statement, int column)
    {
        var bytes = raw.sqlite3_column_blob(statement, column);
        if (_chars.Length < bytes.Length)
        {
            _chars = new char[Math.Max(bytes.Length, _chars.Length * 2)];
        }

        return _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars));
    }
}
