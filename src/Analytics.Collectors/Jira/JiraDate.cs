using System.Globalization;
using System.Text.Json;
using Analytics.Collectors.HttpApi;

namespace Analytics.Collectors.Jira;

/// <summary>
/// Jira's timestamps: <c>2024-01-02T03:04:05.678+0000</c>, an offset without a colon that System.Text.Json rejects, so
/// they are parsed exactly here. The offset is kept. The bulk changelog's own example sends epoch seconds: accepted too.
/// </summary>
internal static class JiraDate
{
    private static readonly string[] s_formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.fffzzz",
        "yyyy-MM-dd'T'HH:mm:ss.fffK",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    /// <summary>Parses a Jira timestamp.</summary>
    /// <param name="text">The wire text.</param>
    /// <param name="where">The record and field, for the error.</param>
    /// <exception cref="SourceDataException">The text is not a Jira timestamp.</exception>
    public static DateTimeOffset Parse(string text, string where)
    {
        if (DateTimeOffset.TryParseExact(text, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        throw new SourceDataException($"{where}: '{text}' is not a Jira timestamp (yyyy-MM-ddTHH:mm:ss.fff+hhmm)");
    }

    /// <summary>Reads a timestamp property: a string, or epoch seconds (milliseconds when larger than 10^11).</summary>
    /// <param name="element">The property's value.</param>
    /// <param name="where">The record and field, for the error.</param>
    /// <returns>The instant, or null for a JSON null.</returns>
    public static DateTimeOffset? Read(JsonElement element, string where) => element.ValueKind switch
    {
        JsonValueKind.String => Parse(element.GetString()!, where),
        JsonValueKind.Number when element.TryGetInt64(out var n) => n > 100_000_000_000
            ? DateTimeOffset.FromUnixTimeMilliseconds(n)
            : DateTimeOffset.FromUnixTimeSeconds(n),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => throw new SourceDataException($"{where}: expected a timestamp, found {element.ValueKind}"),
    };
}
