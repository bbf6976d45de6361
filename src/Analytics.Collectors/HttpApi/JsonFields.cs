using System.Globalization;
using System.Text.Json;

namespace Analytics.Collectors.HttpApi;

/// <summary>Small readers over source JSON, where most properties may be absent or null.</summary>
internal static class JsonFields
{
    /// <summary>The property, or an undefined element when absent or when <paramref name="element"/> is not an object.</summary>
    public static JsonElement Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>The property as a string (numbers as invariant text), or null.</summary>
    public static string? Text(this JsonElement element, string name) => element.Get(name).AsText();

    /// <summary>The element as a string (numbers as invariant text), or null.</summary>
    public static string? AsText(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>The element as a number, or null (numbers written as strings are accepted).</summary>
    public static double? AsNumber(this JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String when double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>The items of an array property, or none.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement element, string name)
    {
        var value = element.Get(name);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
    }

    /// <summary>Parses a body into a standalone element.</summary>
    public static JsonElement Parse(byte[] body) => JsonSerializer.Deserialize<JsonElement>(body);
}
