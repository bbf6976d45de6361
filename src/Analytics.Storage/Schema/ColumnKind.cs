namespace Analytics.Storage.Schema;

/// <summary>The kind of value a column holds; each kind has one text form, one JSON form and one form per database.</summary>
public enum ColumnKind
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>A 32-bit integer.</summary>
    Integer,

    /// <summary>A floating-point number.</summary>
    Real,

    /// <summary>A boolean: <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An instant, written in ISO 8601 with an offset and stored at UTC.</summary>
    Instant,

    /// <summary>A duration, written as seconds (a decimal number).</summary>
    Duration,

    /// <summary>One of an enumeration's names, written in snake_case.</summary>
    Enum,

    /// <summary>A list of strings: a JSON array in JSON Lines and the store, <c>;</c>-separated in CSV.</summary>
    TextList,
}
