namespace Analytics.Storage;

/// <summary>
/// Which records to read: equality and range filters on columns, and an optional order. Column names are checked
/// against the entity's map, so a query never carries SQL.
/// </summary>
public sealed record StoreQuery
{
    /// <summary>Every record.</summary>
    public static StoreQuery All { get; } = new();

    /// <summary>The filters, all of which must hold.</summary>
    public IReadOnlyList<StoreFilter> Filters { get; init; } = [];

    /// <summary>The column to order by; null orders by key (or not at all, with <see cref="InAnyOrder"/>).</summary>
    public string? OrderBy { get; init; }

    /// <summary>
    /// Whether the records may come in any order (when no <see cref="OrderBy"/> is named): the store then reads them as
    /// they lie, which is much cheaper than walking an index when most of a table is read.
    /// </summary>
    public bool AnyOrder { get; init; }

    /// <summary>Further columns to order by after <see cref="OrderBy"/> (then by key).</summary>
    public IReadOnlyList<string> ThenBy { get; init; } = [];

    /// <summary>Keeps records whose <paramref name="column"/> equals <paramref name="value"/>.</summary>
    public StoreQuery Where(string column, object value) =>
        this with { Filters = [.. Filters, new StoreFilter(column, StoreFilterOperator.Equal, value)] };

    /// <summary>Keeps records whose <paramref name="column"/> is at or after <paramref name="start"/>.</summary>
    public StoreQuery Since(string column, DateTimeOffset start) =>
        this with { Filters = [.. Filters, new StoreFilter(column, StoreFilterOperator.AtLeast, start)] };

    /// <summary>Keeps records whose <paramref name="column"/> is before <paramref name="end"/>.</summary>
    public StoreQuery Before(string column, DateTimeOffset end) =>
        this with { Filters = [.. Filters, new StoreFilter(column, StoreFilterOperator.Before, end)] };

    /// <summary>
    /// Keeps records the store saw change at or after <paramref name="start"/> (their <c>changed_at</c>, which every
    /// table has though no map declares it): what a batch wrote, read at the cost of the batch (migration 0013 indexes it).
    /// </summary>
    public StoreQuery ChangedSince(DateTimeOffset start) => Since("changed_at", start);

    /// <summary>
    /// Keeps records whose <paramref name="column"/> equals one of <paramref name="values"/>; no values keeps nothing.
    /// </summary>
    public StoreQuery WhereIn(string column, IEnumerable<object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        IReadOnlyList<object> list = [.. values];
        return this with { Filters = [.. Filters, new StoreFilter(column, StoreFilterOperator.In, list)] };
    }

    /// <summary>Lets the records come in whatever order is cheapest (see <see cref="AnyOrder"/>).</summary>
    public StoreQuery InAnyOrder() => this with { OrderBy = null, ThenBy = [], AnyOrder = true };

    /// <summary>Orders by <paramref name="column"/> ascending (then by key).</summary>
    public StoreQuery OrderedBy(string column) => this with { OrderBy = column, ThenBy = [], AnyOrder = false };

    /// <summary>Orders by <paramref name="column"/>, then by each of <paramref name="then"/>, ascending (then by key).</summary>
    public StoreQuery OrderedBy(string column, params string[] then) => this with { OrderBy = column, ThenBy = [.. then], AnyOrder = false };
}
