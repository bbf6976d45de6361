namespace Analytics.Storage;

/// <summary>How a <see cref="StoreFilter"/> compares.</summary>
public enum StoreFilterOperator
{
    /// <summary>The column equals the value.</summary>
    Equal,

    /// <summary>The column is at least the value.</summary>
    AtLeast,

    /// <summary>The column is less than the value.</summary>
    Before,

    /// <summary>The column equals one of the values (the filter's value is an <see cref="IReadOnlyList{T}"/> of objects).</summary>
    In,
}
