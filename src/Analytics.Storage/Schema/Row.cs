using Analytics.Domain.Common;

namespace Analytics.Storage.Schema;

/// <summary>
/// The values of one record, by column, already converted to their .NET types (string, int, double, bool,
/// DateTimeOffset, TimeSpan, the enumeration, <see cref="ValueList{T}"/> of string). An entity map builds its record
/// from a row.
/// </summary>
public sealed class Row
{
    private readonly EntityMap _map;
    private readonly object?[] _values;

    /// <summary>Wraps values given in the map's column order.</summary>
    public Row(EntityMap map, object?[] values)
    {
        _map = map;
        _values = values;
    }

    /// <summary>A required string.</summary>
    public string Text(string column) => (string)Required(column);

    /// <summary>An optional string.</summary>
    public string? TextOrNull(string column) => (string?)Value(column);

    /// <summary>A required integer.</summary>
    public int Int(string column) => (int)Required(column);

    /// <summary>An optional integer.</summary>
    public int? IntOrNull(string column) => (int?)Value(column);

    /// <summary>A required number.</summary>
    public double Real(string column) => (double)Required(column);

    /// <summary>An optional number.</summary>
    public double? RealOrNull(string column) => (double?)Value(column);

    /// <summary>A required boolean.</summary>
    public bool Bool(string column) => (bool)Required(column);

    /// <summary>A required instant.</summary>
    public DateTimeOffset Instant(string column) => (DateTimeOffset)Required(column);

    /// <summary>An optional instant.</summary>
    public DateTimeOffset? InstantOrNull(string column) => (DateTimeOffset?)Value(column);

    /// <summary>A required duration.</summary>
    public TimeSpan Duration(string column) => (TimeSpan)Required(column);

    /// <summary>A required enumeration value.</summary>
    public TEnum Enum<TEnum>(string column)
        where TEnum : struct, Enum => (TEnum)Required(column);

    /// <summary>An optional enumeration value.</summary>
    public TEnum? EnumOrNull<TEnum>(string column)
        where TEnum : struct, Enum => (TEnum?)Value(column);

    /// <summary>A list of strings; empty when the field was empty.</summary>
    public ValueList<string> List(string column) => Value(column) as ValueList<string>? ?? ValueList<string>.Empty;

    private object? Value(string column) => _values[_map.IndexOf(column)];

    private object Required(string column) =>
        Value(column) ?? throw new InvalidOperationException($"{_map.Name}: column '{column}' is required but empty");
}
