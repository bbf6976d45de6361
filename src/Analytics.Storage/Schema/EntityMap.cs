namespace Analytics.Storage.Schema;

/// <summary>
/// Describes how one kind of record is stored and exchanged: its table, its columns in order, which of them form its
/// identity, and how a record is taken apart and put back together. The store, the import and the export all read the
/// same map, so a field has one name and one format everywhere.
/// </summary>
public abstract class EntityMap
{
    private readonly Dictionary<string, int> _indexes;

    private protected EntityMap(string name, string table, string description, IReadOnlyList<Column> columns)
    {
        Name = name;
        Table = table;
        Description = description;
        Columns = columns;
        KeyColumns = columns.Where(c => c.IsKey).ToList();
        _indexes = columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The entity's name on the command line and in docs, such as <c>pull-requests</c>.</summary>
    public string Name { get; }

    /// <summary>The table that stores it.</summary>
    public string Table { get; }

    /// <summary>What a record is.</summary>
    public string Description { get; }

    /// <summary>Every column, in order.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The columns that identify a record; re-storing a record with the same key replaces it.</summary>
    public IReadOnlyList<Column> KeyColumns { get; }

    /// <summary>
    /// Text or instant columns whose former value matters to what was computed from a row (an incident's link to the
    /// deployment blamed for it, its service naming its team, a ticket transition's instant): an upsert that changes a set
    /// value of one records the former row as deleted, as
    /// <see cref="IStoreWriter.DeleteAsync"/> does, so the signal cache, which sees only rows as they are now, hears that
    /// the row left where it was. Empty for most entities.
    /// </summary>
    public IReadOnlyList<string> MovedBy { get; internal init; } = [];

    /// <summary>
    /// Set for an entity whose rows count where other rows say (a ticket, wherever its transitions put its resolution):
    /// the store records every upsert that inserts a row, or changes a column not listed here, as the row deleted from
    /// the earliest of its former and new instants, as <see cref="IStoreWriter.DeleteAsync"/> does, so the signal cache
    /// can place the rows changed only in the listed columns (a ticket's status, which its transitions decide) by those
    /// other rows. Null (most entities): nothing is recorded.
    /// </summary>
    public IReadOnlyList<string>? RewritesIgnoring { get; internal init; }

    /// <summary>The .NET type of the records.</summary>
    public abstract Type RecordType { get; }

    /// <summary>The position of a column, or -1 when there is no such column.</summary>
    public int IndexOf(string column) => _indexes.TryGetValue(column, out var index) ? index : -1;

    /// <summary>Takes a record apart into column values (in column order).</summary>
    public abstract object?[] ValuesOf(object record);

    /// <summary>Builds a record from column values.</summary>
    /// <exception cref="ArgumentException">The values break one of the record's invariants.</exception>
    public abstract object CreateRecord(Row row);
}
