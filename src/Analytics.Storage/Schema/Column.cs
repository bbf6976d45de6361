namespace Analytics.Storage.Schema;

/// <summary>One field of an entity: its name in the store and in import files, its kind, and whether it may be empty.</summary>
/// <param name="Name">The snake_case name used by the table and by import and export files.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="IsNullable">Whether it may be empty.</param>
/// <param name="IsKey">Whether it is part of the record's identity (the upsert key).</param>
/// <param name="EnumType">The enumeration, for <see cref="ColumnKind.Enum"/> columns.</param>
/// <param name="Description">What it means, for the import-format reference.</param>
public sealed record Column(string Name, ColumnKind Kind, bool IsNullable, bool IsKey, Type? EnumType, string Description)
{
    /// <summary>The enumeration's accepted names, for <see cref="ColumnKind.Enum"/> columns; empty otherwise.</summary>
    public IReadOnlyList<string> EnumNames =>
        EnumType is null ? [] : Enum.GetNames(EnumType).Select(SnakeCase.From).ToList();
}
