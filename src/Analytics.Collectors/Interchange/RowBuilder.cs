using Analytics.Domain.Common;
using Analytics.Storage.Schema;

namespace Analytics.Collectors.Interchange;

/// <summary>Turns the fields of one file row into a record, collecting every problem with the row.</summary>
internal static class RowBuilder
{
    /// <summary>A field's value read by a format, or why it could not be read.</summary>
    public delegate bool FieldReader(Column column, out object? value, out string? error);

    public static ParsedRow Build(EntityMap map, string file, long line, FieldReader read)
    {
        var values = new object?[map.Columns.Count];
        List<RecordError>? errors = null;
        for (var i = 0; i < values.Length; i++)
        {
            var column = map.Columns[i];
            if (read(column, out var value, out var error))
            {
                values[i] = value;
            }
            else
            {
                (errors ??= []).Add(new RecordError(file, line, column.Name, error ?? "is invalid"));
            }
        }

        if (errors is not null)
        {
            return new ParsedRow(line, null, errors);
        }

        try
        {
            return new ParsedRow(line, map.CreateRecord(new Row(map, values)), []);
        }
        catch (ArgumentException e)
        {
            // The record refused the values (a negative count, a merge before creation): name the field it blamed.
            var field = e.ParamName is null ? null : SnakeCase.From(e.ParamName);
            var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
            return new ParsedRow(line, null, [new RecordError(file, line, field is not null && map.IndexOf(field) >= 0 ? field : null, message)]);
        }
    }

    /// <summary>"unknown field 'x'" with a suggestion among the entity's fields.</summary>
    public static string UnknownField(EntityMap map, string name) =>
        $"unknown field '{name}' for {map.Name}{Suggest.DidYouMean(name, map.Columns.Select(c => c.Name))}";
}
