using System.Collections;

namespace Analytics.Domain.Common;

/// <summary>
/// An immutable list with value equality, so records that hold lists (labels, responders) compare by content.
/// The default value is the empty list.
/// </summary>
/// <typeparam name="T">The element type; its own equality is used.</typeparam>
public readonly struct ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[]? _items;

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    public ValueList(IEnumerable<T> items) => _items = items.ToArray();

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty => default;

    /// <inheritdoc />
    public int Count => _items?.Length ?? 0;

    /// <inheritdoc />
    public T this[int index] => (_items ?? [])[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T> other) => (_items ?? []).AsSpan().SequenceEqual(other._items ?? []);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items ?? [])
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueList<T> left, ValueList<T> right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueList<T> left, ValueList<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _items ?? []) + "]";
}

/// <summary>Builds <see cref="ValueList{T}"/> values.</summary>
public static class ValueList
{
    /// <summary>Creates a list of the given items.</summary>
    public static ValueList<T> Of<T>(params T[] items) => new(items);

    /// <summary>Creates a list of the given items.</summary>
    public static ValueList<T> From<T>(IEnumerable<T> items) => new(items);
}
