using System.Data.Common;
using System.Text;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Storage.Sql;

/// <summary>
/// Fills the <see cref="ColumnBatch"/>es of one columnar read: one string table for the whole read, and each enum
/// column's stored names parsed once per distinct name rather than once per row. <see cref="Read"/> takes a row from any
/// ADO.NET reader; a dialect with a cheaper way to reach its values uses the typed helpers directly.
/// </summary>
internal sealed class ColumnFiller
{
    private readonly SqlDialect _dialect;
    private readonly StringTable _strings = new();
    private readonly ListTable _lists = new();
    private readonly Dictionary<string, int>?[] _enumValues;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _enumByChars;
    private char[] _chars = new char[256];

    /// <summary>A filler for <paramref name="columns"/>, read through <paramref name="dialect"/>.</summary>
    public ColumnFiller(SqlDialect dialect, IReadOnlyList<Column> columns)
    {
        _dialect = dialect;
        Columns = columns;
        _enumValues = columns.Select(c => c.Kind == ColumnKind.Enum ? new Dictionary<string, int>(StringComparer.Ordinal) : null).ToArray();
        _enumByChars = _enumValues.Select(d => d?.GetAlternateLookup<ReadOnlySpan<char>>() ?? default).ToArray();
    }

    /// <summary>The columns read, in the order asked for.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>An empty batch of this read.</summary>
    public ColumnBatch NewBatch() => new(Columns, _strings, _lists);

    /// <summary>The code of a text value.</summary>
    public int TextCode(ReadOnlySpan<char> text) => _strings.Intern(text);

    /// <summary>The code of a text value given as UTF-8.</summary>
    public int TextCode(ReadOnlySpan<byte> utf8) => _strings.Intern(Decode(utf8));

    /// <summary>The integer value of enum column <paramref name="index"/>'s stored name, given as UTF-8.</summary>
    /// <exception cref="InvalidDataException">The name is not one of the enumeration's.</exception>
    public int EnumValue(int index, ReadOnlySpan<byte> utf8) => EnumValue(index, Decode(utf8));

    /// <summary>The code of list column <paramref name="index"/>'s stored text, given as UTF-8 (null: the empty list).</summary>
    /// <exception cref="InvalidDataException">The text is not a JSON array of strings.</exception>
    public int ListCode(int index, ReadOnlySpan<byte> utf8, bool isNull) => ListCode(index, isNull ? default : Decode(utf8), isNull);

    /// <summary>UTF-8 text decoded into the reused buffer (valid until the next call).</summary>
    private ReadOnlySpan<char> Decode(ReadOnlySpan<byte> utf8)
    {
        if (_chars.Length < utf8.Length)
        {
            _chars = new char[Math.Max(utf8.Length, _chars.Length * 2)];
        }

        return _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
    }

    /// <summary>The code of list column <paramref name="index"/>'s stored text (null: the empty list).</summary>
    /// <exception cref="InvalidDataException">The text is not a JSON array of strings.</exception>
    public int ListCode(int index, ReadOnlySpan<char> stored, bool isNull) =>
        _lists.Intern(isNull ? StringTable.Null : _strings.Intern(stored), _strings, Columns[index].Name);

    /// <summary>The integer value of enum column <paramref name="index"/>'s stored name <paramref name="stored"/>.</summary>
    /// <exception cref="InvalidDataException">The name is not one of the enumeration's.</exception>
    public int EnumValue(int index, ReadOnlySpan<char> stored)
    {
        if (_enumByChars[index].TryGetValue(stored, out var value))
        {
            return value;
        }

        var column = Columns[index];
        var text = new string(stored);
        var parsed = SnakeCase.Parse(column.EnumType!, text)
            ?? throw new InvalidDataException($"stored value '{text}' of column '{column.Name}' is not a {column.EnumType!.Name}");
        value = Convert.ToInt32(parsed, System.Globalization.CultureInfo.InvariantCulture);
        _enumValues[index]!.Add(text, value);
        return value;
    }

    /// <summary>Appends the reader's current row to <paramref name="batch"/>.</summary>
    /// <exception cref="InvalidDataException">A stored enum name is not one of the enumeration's.</exception>
    public void Read(DbDataReader reader, ColumnBatch batch)
    {
        var row = batch.Count;
        for (var c = 0; c < Columns.Count; c++)
        {
            var isNull = reader.IsDBNull(c);
            if (batch.NullsToFill(c) is { } nulls)
            {
                nulls[row] = isNull;
            }

            switch (Columns[c].Kind)
            {
                case ColumnKind.Text:
                    batch.CodesToFill(c)[row] = isNull ? StringTable.Null : _strings.Intern(reader.GetString(c));
                    break;
                case ColumnKind.Enum:
                    batch.CodesToFill(c)[row] = isNull ? StringTable.Null : EnumValue(c, reader.GetString(c));
                    break;
                case ColumnKind.TextList:
                    batch.CodesToFill(c)[row] = ListCode(c, isNull ? default : reader.GetString(c), isNull);
                    break;
                case ColumnKind.Integer:
                    batch.CodesToFill(c)[row] = isNull ? 0 : reader.GetFieldType(c) == typeof(int) ? reader.GetInt32(c) : checked((int)reader.GetInt64(c));
                    break;
                case ColumnKind.Boolean:
                    batch.CodesToFill(c)[row] = !isNull && reader.GetBoolean(c) ? 1 : 0;
                    break;
                case ColumnKind.Instant:
                    batch.TicksToFill(c)[row] = isNull ? 0 : _dialect.InstantTicksFromDb(reader, c);
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
}
