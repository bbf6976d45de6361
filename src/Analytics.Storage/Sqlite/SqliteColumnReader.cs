using System.Data.Common;
using System.Runtime.InteropServices;
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
/// (bench/README.md), this is what makes SQLite reads cheap enough for signals over a whole organisation. It also streams
/// the test result blocks (<see cref="ReadBytesRows"/>), whose payloads Microsoft.Data.Sqlite would copy into new arrays.
/// </summary>
internal sealed class SqliteColumnReader
{
    private readonly ColumnFiller _filler;
    private readonly bool[] _nullable;
    private readonly PreviousText[] _previous;

    private SqliteColumnReader(ColumnFiller filler)
    {
        _filler = filler;
        _nullable = filler.Columns.Select(c => c.IsNullable).ToArray();
        _previous = filler.Columns.Select(_ => new PreviousText()).ToArray();
    }

    /// <summary>Streams the batches of <paramref name="command"/>'s <c>SELECT</c> (its text and parameters are used; the command is not run).</summary>
    /// <exception cref="StoreException">SQLite refused the statement or failed while stepping through it.</exception>
    public static IEnumerable<ColumnBatch> Read(DbCommand command, ColumnFiller filler, string store, CancellationToken cancellationToken)
    {
        using (var statement = Prepare(command, store))
        {
            var reader = new SqliteColumnReader(filler);
            var handle = statement.DangerousGetHandle(); // alive while the using above holds the statement
            var batch = filler.NewBatch();
            while (Step(statement, command, store))
            {
                reader.ReadRow(handle, batch);
                if (batch.Count == ColumnBatch.Capacity)
                {
                    yield return batch;
                    cancellationToken.ThrowIfCancellationRequested();
                    batch.Count = 0; // refilled: a batch is valid until the next is asked for
                }
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    /// <summary>
    /// Streams the rows of <paramref name="command"/>'s <c>SELECT</c> of two texts and a bytes value into one
    /// <see cref="BytesRow"/>, refilled for each: Microsoft.Data.Sqlite would copy every value into a new array.
    /// </summary>
    /// <exception cref="StoreException">SQLite refused the statement or failed while stepping through it.</exception>
    public static IEnumerable<BytesRow> ReadBytesRows(DbCommand command, string store, CancellationToken cancellationToken)
    {
        using var statement = Prepare(command, store);
        var handle = statement.DangerousGetHandle(); // alive while the using above holds the statement
        var row = new BytesRow();
        while (Step(statement, command, store))
        {
            row.First = raw.sqlite3_column_text(statement, 0).utf8_to_string();
            row.Second = raw.sqlite3_column_text(statement, 1).utf8_to_string();
            var pointer = SqliteNative.sqlite3_column_blob(handle, 2);
            var length = SqliteNative.sqlite3_column_bytes(handle, 2);
            row.Resize(length);
            if (length > 0)
            {
                Marshal.Copy(pointer, row.Buffer, 0, length);
            }

            yield return row;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Prepares <paramref name="command"/>'s text on its connection, with its parameters bound.</summary>
    private static sqlite3_stmt Prepare(DbCommand command, string store)
    {
        var connection = (SqliteConnection)command.Connection!;
        var db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        if (raw.sqlite3_prepare_v2(db, command.CommandText, out var statement) != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(db).utf8_to_string();
            statement.Dispose();
            throw new StoreException($"{store}: cannot read ({message}): {command.CommandText}");
        }

        try
        {
            foreach (DbParameter parameter in command.Parameters)
            {
                Bind(statement, raw.sqlite3_bind_parameter_index(statement, parameter.ParameterName), parameter.Value);
            }

            return statement;
        }
        catch
        {
            statement.Dispose();
            throw;
        }
    }

    /// <summary>Steps to the next row: false when there is none.</summary>
    private static bool Step(sqlite3_stmt statement, DbCommand command, string store)
    {
        var result = raw.sqlite3_step(statement);
        if (result == raw.SQLITE_DONE)
        {
            return false;
        }

        if (result != raw.SQLITE_ROW)
        {
            var db = ((SqliteConnection)command.Connection!).Handle!;
            throw new StoreException($"{store}: reading failed ({raw.sqlite3_errmsg(db).utf8_to_string()}): {command.CommandText}");
        }

        return true;
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

    private void ReadRow(IntPtr statement, ColumnBatch batch)
    {
        var row = batch.Count;
        var columns = _filler.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var kind = columns[c].Kind;
            if (kind is ColumnKind.Text or ColumnKind.Enum or ColumnKind.TextList)
            {
                ReadText(statement, batch, c, kind, row);
                continue;
            }

            var isNull = _nullable[c] && SqliteNative.sqlite3_column_type(statement, c) == raw.SQLITE_NULL;
            if (batch.NullsToFill(c) is { } nulls)
            {
                nulls[row] = isNull;
            }

            switch (kind)
            {
                case ColumnKind.Integer:
                    batch.CodesToFill(c)[row] = isNull ? 0 : checked((int)SqliteNative.sqlite3_column_int64(statement, c));
                    break;
                case ColumnKind.Boolean:
                    batch.CodesToFill(c)[row] = !isNull && SqliteNative.sqlite3_column_int64(statement, c) != 0 ? 1 : 0;
                    break;
                case ColumnKind.Instant:
                    batch.TicksToFill(c)[row] = isNull ? 0 : StoreInstants.TicksFromSqliteText(Bytes(statement, c));
                    break;
                case ColumnKind.Duration:
                    batch.TicksToFill(c)[row] = isNull ? 0 : Seconds.ToTimeSpan(SqliteNative.sqlite3_column_double(statement, c)).Ticks;
                    break;
                default:
                    batch.RealsToFill(c)[row] = isNull ? 0 : SqliteNative.sqlite3_column_double(statement, c);
                    break;
            }
        }

        batch.Count = row + 1;
    }

    /// <summary>
    /// Reads a text, enum or list cell as its code. A value equal to the column's previous one (byte for byte) takes the
    /// previous code without decoding or lookup: reads in key order repeat values row after row (a test's repository,
    /// id, job and branch), so most cells of such a scan cost one comparison. Only an empty value needs SQLite's type to
    /// tell it from null.
    /// </summary>
    private void ReadText(IntPtr statement, ColumnBatch batch, int column, ColumnKind kind, int row)
    {
        var bytes = Bytes(statement, column);
        var isNull = bytes.IsEmpty && _nullable[column] && SqliteNative.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;
        if (batch.NullsToFill(column) is { } nulls)
        {
            nulls[row] = isNull;
        }

        var previous = _previous[column];
        int code;
        if (previous.Known && previous.IsNull == isNull && bytes.SequenceEqual(previous.Bytes.AsSpan(0, previous.Length)))
        {
            code = previous.Code;
        }
        else
        {
            code = kind switch
            {
                ColumnKind.Text => isNull ? StringTable.Null : _filler.TextCode(bytes),
                ColumnKind.Enum => isNull ? StringTable.Null : _filler.EnumValue(column, bytes),
                _ => _filler.ListCode(column, bytes, isNull),
            };
            previous.Remember(bytes, isNull, code);
        }

        batch.CodesToFill(column)[row] = code;
    }

    /// <summary>
    /// A cell's bytes where SQLite holds them, valid until the statement steps or the cell is asked for as another type;
    /// empty for null. Not copied: each is decoded, compared or copied before the next cell is asked for, and copying
    /// every text and instant cell out first cost 2–3 % of the CI jobs' read (bench/README.md, session 15).
    /// </summary>
    private static unsafe ReadOnlySpan<byte> Bytes(IntPtr statement, int column)
    {
        // The pointer first: SQLite converts a number to text for it, and the length it reports after that is the text's.
        var pointer = SqliteNative.sqlite3_column_blob(statement, column);
        var length = SqliteNative.sqlite3_column_bytes(statement, column);
        return pointer == IntPtr.Zero || length == 0 ? [] : new ReadOnlySpan<byte>((void*)pointer, length);
    }

    /// <summary>A column's previous text cell: its bytes and the code they gave.</summary>
    private sealed class PreviousText
    {
        public byte[] Bytes { get; private set; } = new byte[64];

        public int Length { get; private set; }

        public bool IsNull { get; private set; }

        public int Code { get; private set; }

        public bool Known { get; private set; }

        public void Remember(ReadOnlySpan<byte> bytes, bool isNull, int code)
        {
            if (Bytes.Length < bytes.Length)
            {
                Bytes = new byte[Math.Max(bytes.Length, Bytes.Length * 2)];
            }

            bytes.CopyTo(Bytes);
            Length = bytes.Length;
            IsNull = isNull;
            Code = code;
            Known = true;
        }
    }
}
