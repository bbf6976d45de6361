using Analytics.Domain.Common;

namespace Analytics.Storage.Schema;

/// <summary>Declares an <see cref="EntityMap{T}"/> column by column, so each column's kind matches its getter's type.</summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class EntityMapBuilder<T>(string name, string table, string description)
    where T : class
{
    private readonly List<Column> _columns = [];
    private readonly List<Func<T, object?>> _getters = [];
    private string[] _movedBy = [];
    private string[]? _rewritesIgnoring;

    public EntityMapBuilder<T> Key(string column, Func<T, string> get, string description) =>
        Add(new Column(column, ColumnKind.Text, false, true, null, description), get);

    public EntityMapBuilder<T> KeyInt(string column, Func<T, int> get, string description) =>
        Add(new Column(column, ColumnKind.Integer, false, true, null, description), r => get(r));

    public EntityMapBuilder<T> Text(string column, Func<T, string> get, string description) =>
        Add(new Column(column, ColumnKind.Text, false, false, null, description), get);

    public EntityMapBuilder<T> OptionalText(string column, Func<T, string?> get, string description) =>
        Add(new Column(column, ColumnKind.Text, true, false, null, description), get);

    public EntityMapBuilder<T> Int(string column, Func<T, int> get, string description) =>
        Add(new Column(column, ColumnKind.Integer, false, false, null, description), r => get(r));

    public EntityMapBuilder<T> OptionalInt(string column, Func<T, int?> get, string description) =>
        Add(new Column(column, ColumnKind.Integer, true, false, null, description), r => get(r));

    public EntityMapBuilder<T> OptionalReal(string column, Func<T, double?> get, string description) =>
        Add(new Column(column, ColumnKind.Real, true, false, null, description), r => get(r));

    public EntityMapBuilder<T> Bool(string column, Func<T, bool> get, string description) =>
        Add(new Column(column, ColumnKind.Boolean, false, false, null, description), r => get(r));

    public EntityMapBuilder<T> Instant(string column, Func<T, DateTimeOffset> get, string description) =>
        Add(new Column(column, ColumnKind.Instant, false, false, null, description), r => get(r));

    public EntityMapBuilder<T> OptionalInstant(string column, Func<T, DateTimeOffset?> get, string description) =>
        Add(new Column(column, ColumnKind.Instant, true, false, null, description), r => get(r));

    public EntityMapBuilder<T> Duration(string column, Func<T, TimeSpan> get, string description) =>
        Add(new Column(column, ColumnKind.Duration, false, false, null, description), r => get(r));

    public EntityMapBuilder<T> Enum<TEnum>(string column, Func<T, TEnum> get, string description)
        where TEnum : struct, Enum =>
        Add(new Column(column, ColumnKind.Enum, false, false, typeof(TEnum), description), r => get(r));

    public EntityMapBuilder<T> OptionalEnum<TEnum>(string column, Func<T, TEnum?> get, string description)
        where TEnum : struct, Enum =>
        Add(new Column(column, ColumnKind.Enum, true, false, typeof(TEnum), description), r => get(r));

    public EntityMapBuilder<T> List(string column, Func<T, ValueList<string>> get, string description) =>
        Add(new Column(column, ColumnKind.TextList, true, false, null, description), r => get(r));

    /// <summary>Declares text or instant columns whose change the store records as the former row deleted (<see cref="EntityMap.MovedBy"/>).</summary>
    public EntityMapBuilder<T> MovedBy(params string[] columns)
    {
        foreach (var column in columns)
        {
            if (_columns.FirstOrDefault(c => c.Name == column) is not { Kind: ColumnKind.Text or ColumnKind.Instant, IsKey: false })
            {
                throw new InvalidOperationException($"{name}: '{column}' is not a declared text or instant column outside the key");
            }
        }

        _movedBy = columns;
        return this;
    }

    /// <summary>
    /// Declares that the store records every insert, and every change outside <paramref name="except"/>, as the row
    /// deleted (<see cref="EntityMap.RewritesIgnoring"/>).
    /// </summary>
    public EntityMapBuilder<T> RecordsRewrites(params string[] except)
    {
        foreach (var column in except)
        {
            if (_columns.FirstOrDefault(c => c.Name == column) is not { IsKey: false })
            {
                throw new InvalidOperationException($"{name}: '{column}' is not a declared column outside the key");
            }
        }

        _rewritesIgnoring = except;
        return this;
    }

    public EntityMap<T> Build(Func<Row, T> create) =>
        new(name, table, description, _columns.ToList(), _getters.ToArray(), create) { MovedBy = _movedBy, RewritesIgnoring = _rewritesIgnoring };

    private EntityMapBuilder<T> Add(Column column, Func<T, object?> get)
    {
        if (_columns.Any(c => c.Name == column.Name))
        {
            throw new InvalidOperationException($"{name}: column '{column.Name}' is declared twice");
        }

        _columns.Add(column);
        _getters.Add(get);
        return this;
    }
}
