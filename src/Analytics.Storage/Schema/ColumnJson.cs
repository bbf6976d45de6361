using System.Text.Json;
using Analytics.Domain.Common;

namespace Analytics.Storage.Schema;

/// <summary>
/// The JSON form of column values, used by JSON Lines files: strings for text, instants and enumerations; numbers for
/// integers, reals and durations (seconds); <c>true</c>/<c>false</c>; arrays of strings for lists; null or absent for none.
/// </summary>
public static class ColumnJson
{
    /// <summary>Writes one value.</summary>
    public static void Write(Utf8JsonWriter writer, Column column, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case TimeSpan span:
                writer.WriteNumberValue(span.TotalSeconds);
                break;
            case ValueList<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(ColumnText.Format(column, value));
                break;
        }
    }

    /// <summary>Reads one value.</summary>
    /// <param name="column">The column the value belongs to.</param>
    /// <param name="element">The JSON value; <see cref="JsonValueKind.Undefined"/> when the field is absent.</param>
    /// <param name="value">The value read, or null.</param>
    /// <param name="error">Why the JSON is not a valid value, or null.</param>
    /// <returns>Whether the JSON is valid.</returns>
    public static bool TryRead(Column column, JsonElement element, out object? value, out string? error)
    {
        value = null;
        error = null;
        switch (element.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return ColumnText.TryParse(column, null, out value, out error);
            case JsonValueKind.String when column.Kind is not (ColumnKind.Integer or ColumnKind.Real or ColumnKind.Duration or ColumnKind.Boolean or ColumnKind.TextList):
                return ColumnText.TryParse(column, element.GetString(), out value, out error);
            case JsonValueKind.Number when column.Kind is ColumnKind.Integer:
                if (element.TryGetInt32(out var i))
                {
                    value = i;
                    return true;
                }

                error = $"{element.GetRawText()} is not a whole number";
                return false;
            case JsonValueKind.Number when column.Kind is ColumnKind.Real or ColumnKind.Duration:
                return ColumnText.TryParse(column, element.GetRawText(), out value, out error);
            case JsonValueKind.True or JsonValueKind.False when column.Kind is ColumnKind.Boolean:
                value = element.GetBoolean();
                return true;
            case JsonValueKind.Array when column.Kind is ColumnKind.TextList:
                var items = new List<string>();
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        error = $"list item {item.GetRawText()} is not a string";
                        return false;
                    }

                    items.Add(item.GetString()!);
                }

                value = ValueList.From(items);
                return true;
            default:
                error = $"{Describe(element)} where {Expected(column.Kind)} was expected";
                return false;
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string {element.GetRawText()}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => element.GetRawText(),
    };

    private static string Expected(ColumnKind kind) => kind switch
    {
        ColumnKind.Integer => "a whole number",
        ColumnKind.Real => "a number",
        ColumnKind.Duration => "a number of seconds",
        ColumnKind.Boolean => "true or false",
        ColumnKind.TextList => "an array of strings",
        ColumnKind.Instant => "an ISO 8601 string",
        _ => "a string",
    };
}
