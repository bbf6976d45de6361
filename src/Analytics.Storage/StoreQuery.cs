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

    /// <summary>The column to order by; null orders by key.</summary>
    public string? OrderBy { get; init; }

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
    /// table has though no map declares it): what a batch wrote, read at the cost of the batch (migration 0012 indexes it).
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

    /// <summary>Orders by <paramref name="column"/> ascending (then by key).</summary>
    public StoreQuery OrderedBy(string column) => this with { OrderBy = column, ThenBy = [] };

    /// <summary>Orders by <paramref name="column"/>, then by each of <paramref name="then"/>, ascending (then by key).</summary>
    public StoreQuery OrderedBy(string column, params string[] then) => this with { OrderBy = column, ThenBy = [.. then] };
}
