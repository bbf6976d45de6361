using System.Data.Common;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Storage.Sql;

/// <summary>
/// Reads rows of a columnar read into <see cref="ColumnBatch"/>es: one string table for the whole read, and each enum
/// column's stored names parsed once per distinct name rather than once per row.
/// </summary>
internal sealed class ColumnFiller(SqlDialect dialect, IReadOnlyList<Column> columns)
{
    private readonly StringTable _strings = new();
    private readonly Dictionary<string, int>?[] _enumValues = columns.Select(c => c.Kind == ColumnKind.Enum ? new Dictionary<string, int>(StringComparer.Ordinal) : null).ToArray();

    /// <summary>An empty batch of this read.</summary>
    public ColumnBatch NewBatch() => new(columns, _strings);

    /// <summary>Appends the reader's current row to <paramref name="batch"/>.</summary>
    /// <exception cref="InvalidDataException">A stored enum name is not one of the enumeration's.</exception>
    public void Read(DbDataReader reader, ColumnBatch batch)
    {
        var row = batch.Count;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var isNull = reader.IsDBNull(c);
            if (batch.NullsToFill(c) is { } nulls)
            {
                nulls[row] = isNull;
            }

            switch (column.Kind)
            {
                case ColumnKind.Text:
                    batch.CodesToFill(c)[row] = isNull ? StringTable.Null : _strings.Intern(reader.GetString(c));
                    break;
                case ColumnKind.Enum:
                    batch.CodesToFill(c)[row] = isNull ? StringTable.Null : EnumValue(c, column, reader.GetString(c));
                    break;
                case ColumnKind.Integer:
                    batch.CodesToFill(c)[row] = isNull ? 0 : reader.GetFieldType(c) == typeof(int) ? reader.GetInt32(c) : checked((int)reader.GetInt64(c));
                    break;
                case ColumnKind.Boolean:
                    batch.CodesToFill(c)[row] = !isNull && reader.GetBoolean(c) ? 1 : 0;
                    break;
                case ColumnKind.Instant:
                    batch.TicksToFill(c)[row] = isNull ? 0 : dialect.InstantTicksFromDb(reader, c);
                    break;
                case ColumnKind.Duration:
                    batch.TicksToFill(c)[row] = isNull ? 0 : Seconds.ToTimeSpan(reader.GetDouble(c)).Ticks;
                    break;
                default:
                    batch.RealsToFill(c)[row] = isNull ? 0 : reader.GetDouble(c);
                    break;
            }
        }

        batch.Count = row + 1;
    }

    private int EnumValue(int index, Column column, string stored)
    {
        var values = _enumValues[index]!;
        if (!values.TryGetValue(stored, out var value))
        {
            var parsed = SnakeCase.Parse(column.EnumType!, stored)
                ?? throw new InvalidDataException($"stored value '{stored}' of column '{column.Name}' is not a {column.EnumType!.Name}");
            value = Convert.ToInt32(parsed, System.Globalization.CultureInfo.InvariantCulture);
            values.Add(stored, value);
        }

        return value;
    }
}
