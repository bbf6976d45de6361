using System.Text;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Interchange;

/// <summary>
/// Writes the field reference of <c>docs/import-format.md</c> from the entity maps, so the document cannot drift from
/// what the importer accepts (a test compares them).
/// </summary>
public static class ImportFormatReference
{
    /// <summary>The marker lines between which the generated reference sits in the document.</summary>
    public const string BeginMarker = "<!-- BEGIN GENERATED: entity reference (ImportFormatReference.Render) -->";

    /// <summary>The marker line after the generated reference.</summary>
    public const string EndMarker = "<!-- END GENERATED -->";

    /// <summary>The reference: one section per entity with a table of its fields.</summary>
    public static string Render()
    {
        var text = new StringBuilder();
        foreach (var map in Entities.All)
        {
            text.Append('\n').Append("### `").Append(map.Name).Append("`\n\n");
            text.Append(map.Description).Append(" Key: ").Append(string.Join(", ", map.KeyColumns.Select(c => $"`{c.Name}`"))).Append(".\n\n");
            text.Append("| field | kind | required | meaning |\n|---|---|---|---|\n");
            foreach (var column in map.Columns)
            {
                var meaning = column.Description + (column.EnumNames.Count > 0 ? " One of: " + string.Join(", ", column.EnumNames.Select(n => $"`{n}`")) + "." : "");
                text.Append("| `").Append(column.Name).Append("` | ").Append(KindName(column.Kind)).Append(" | ")
                    .Append(column.IsNullable ? "" : "yes").Append(" | ").Append(meaning.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static string KindName(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => "text",
        ColumnKind.Integer => "integer",
        ColumnKind.Real => "number",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Instant => "instant",
        ColumnKind.Duration => "seconds",
        ColumnKind.Enum => "enum",
        _ => "list",
    };
}
