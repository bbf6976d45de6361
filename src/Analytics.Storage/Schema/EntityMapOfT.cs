namespace Analytics.Storage.Schema;

/// <summary>An <see cref="EntityMap"/> for records of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class EntityMap<T> : EntityMap
    where T : class
{
    private readonly Func<T, object?>[] _getters;
    private readonly Func<Row, T> _create;

    internal EntityMap(
        string name,
        string table,
        string description,
        IReadOnlyList<Column> columns,
        Func<T, object?>[] getters,
        Func<Row, T> create)
        : base(name, table, description, columns)
    {
        _getters = getters;
        _create = create;
    }

    /// <inheritdoc />
    public override Type RecordType => typeof(T);

    /// <summary>Takes a record apart into column values (in column order).</summary>
    public object?[] ValuesOf(T record)
    {
        var values = new object?[_getters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _getters[i](record);
        }

        return values;
    }

    /// <summary>Builds a record from column values.</summary>
    /// <exception cref="ArgumentException">The values break one of the record's invariants.</exception>
    public T Create(Row row) => _create(row);

    /// <inheritdoc />
    public override object?[] ValuesOf(object record) => ValuesOf((T)record);

    /// <inheritdoc />
    public override object CreateRecord(Row row) => Create(row);
}
