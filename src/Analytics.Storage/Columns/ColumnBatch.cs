using Analytics.Domain.Common;
using Analytics.Storage.Schema;

namespace Analytics.Storage.Columns;

/// <summary>
/// Up to <see cref="Capacity"/> rows of a columnar read (<see cref="IStore.ReadColumnsAsync"/>), one typed vector per
/// column asked for, so a consumer reads values without a record, a boxed value or a string per row:
/// <list type="bullet">
/// <item><see cref="ColumnKind.Text"/>: <see cref="Codes"/> into <see cref="Strings"/> (<see cref="StringTable.Null"/> for null);</item>
/// <item><see cref="ColumnKind.Enum"/>: <see cref="Codes"/> holding the enumeration's integer value (<see cref="StringTable.Null"/> for null);</item>
/// <item><see cref="ColumnKind.Integer"/> and <see cref="ColumnKind.Boolean"/> (1 or 0): <see cref="Codes"/>;</item>
/// <item><see cref="ColumnKind.Instant"/> (UTC ticks, microsecond precision) and <see cref="ColumnKind.Duration"/> (ticks): <see cref="Ticks"/>;</item>
/// <item><see cref="ColumnKind.Real"/>: <see cref="Reals"/>;</item>
/// <item><see cref="ColumnKind.TextList"/>: <see cref="Codes"/> into <see cref="Lists"/> (a stored null is the empty list).</item>
/// </list>
/// <see cref="IsNull"/> tells a null from a zero in every kind. A read refills one batch, so its vectors are valid until
/// the read's next batch is asked for.
/// </summary>
public sealed class ColumnBatch
{
    /// <summary>The most rows a batch holds.</summary>
    public const int Capacity = 8192;

    private readonly int[]?[] _codes;
    private readonly long[]?[] _ticks;
    private readonly double[]?[] _reals;
    private readonly bool[]?[] _nulls;

    /// <summary>Makes an empty batch for <paramref name="columns"/>.</summary>
    internal ColumnBatch(IReadOnlyList<Column> columns, StringTable strings, ListTable lists)
    {
        Columns = columns;
        Strings = strings;
        Lists = lists;
        _codes = new int[]?[columns.Count];
        _ticks = new long[]?[columns.Count];
        _reals = new double[]?[columns.Count];
        _nulls = new bool[]?[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            switch (VectorOf(columns[c]))
            {
                case Vector.Codes:
                    _codes[c] = new int[Capacity];
                    break;
                case Vector.Ticks:
                    _ticks[c] = new long[Capacity];
                    break;
                default:
                    _reals[c] = new double[Capacity];
                    break;
            }

            if (columns[c].IsNullable)
            {
                _nulls[c] = new bool[Capacity];
            }
        }
    }

    /// <summary>The columns read, in the order they were asked for; the column index of every accessor is into this list.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The strings of the whole read (shared by its batches).</summary>
    public StringTable Strings { get; }

    /// <summary>The lists of the whole read (shared by its batches).</summary>
    public ListTable Lists { get; }

    /// <summary>How many rows this batch holds.</summary>
    public int Count { get; internal set; }

    /// <summary>A text, enum, integer, boolean or list column's values.</summary>
    /// <exception cref="InvalidOperationException">The column is of another kind.</exception>
    public ReadOnlySpan<int> Codes(int column) => (_codes[column] ?? throw WrongKind(column, "Codes")).AsSpan(0, Count);

    /// <summary>An instant or duration column's values, as ticks.</summary>
    /// <exception cref="InvalidOperationException">The column is of another kind.</exception>
    public ReadOnlySpan<long> Ticks(int column) => (_ticks[column] ?? throw WrongKind(column, "Ticks")).AsSpan(0, Count);

    /// <summary>A real column's values.</summary>
    /// <exception cref="InvalidOperationException">The column is of another kind.</exception>
    public ReadOnlySpan<double> Reals(int column) => (_reals[column] ?? throw WrongKind(column, "Reals")).AsSpan(0, Count);

    /// <summary>Whether a row's value is null (always false for a column that cannot be).</summary>
    public bool IsNull(int column, int row) => _nulls[column] is { } nulls && nulls[row];

    /// <summary>
    /// A cell's value as a record read gives it (<see cref="IStore.ReadValuesAsync"/>): a string, an <see cref="int"/>,
    /// a <see cref="double"/>, a <see cref="bool"/>, a UTC <see cref="DateTimeOffset"/>, a <see cref="TimeSpan"/>, the
    /// enumeration's value or a <see cref="ValueList{T}"/> of strings (empty for a stored null); null for a null cell.
    /// Boxes: for a consumer that builds records (<see cref="EntityMap{T}.Create"/>) or keeps a few columns of few rows.
    /// </summary>
    public object? Value(int column, int row)
    {
        var kind = Columns[column].Kind;
        if (IsNull(column, row))
        {
            return kind is ColumnKind.TextList ? ValueList<string>.Empty : null;
        }

        return kind switch
        {
            ColumnKind.Text => Strings[Codes(column)[row]],
            ColumnKind.Integer => Codes(column)[row],
            ColumnKind.Boolean => Codes(column)[row] != 0,
            ColumnKind.Real => Reals(column)[row],
            ColumnKind.Instant => new DateTimeOffset(Ticks(column)[row], TimeSpan.Zero),
            ColumnKind.Duration => new TimeSpan(Ticks(column)[row]),
            ColumnKind.Enum => Enum.ToObject(Columns[column].EnumType!, Codes(column)[row]),
            ColumnKind.TextList => Lists[Codes(column)[row]],
            _ => throw new InvalidOperationException($"unknown column kind {kind}"),
        };
    }

    /// <summary>The writable vectors, for the store filling the batch.</summary>
    internal int[] CodesToFill(int column) => _codes[column]!;

    internal long[] TicksToFill(int column) => _ticks[column]!;

    internal double[] RealsToFill(int column) => _reals[column]!;

    internal bool[]? NullsToFill(int column) => _nulls[column];

    /// <summary>Which vector holds a column's values.</summary>
    internal static Vector VectorOf(Column column) => column.Kind switch
    {
        ColumnKind.Text or ColumnKind.Enum or ColumnKind.Integer or ColumnKind.Boolean or ColumnKind.TextList => Vector.Codes,
        ColumnKind.Instant or ColumnKind.Duration => Vector.Ticks,
        ColumnKind.Real => Vector.Reals,
        _ => throw new ArgumentException($"column '{column.Name}' is a {column.Kind}, which a columnar read cannot hold", nameof(column)),
    };

    private InvalidOperationException WrongKind(int column, string accessor) =>
        new($"column '{Columns[column].Name}' is a {Columns[column].Kind}; {accessor} does not hold it");

    /// <summary>The vector kinds.</summary>
    internal enum Vector
    {
        Codes,
        Ticks,
        Reals,
    }
}
