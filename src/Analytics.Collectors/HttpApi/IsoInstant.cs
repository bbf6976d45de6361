using System.Globalization;
using System.Text.Json;

namespace Analytics.Collectors.HttpApi;

/// <summary>
/// ISO-8601 timestamps as the incident APIs write them (<c>2026-11-10T08:00:00Z</c>, <c>…000+09:00</c>, fractions or
/// not). A value without an offset is read as UTC, never as the machine's local time.
/// </summary>
internal static class IsoInstant
{
    /// <summary>Reads a timestamp property's value.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="where">The record and field, for the error.</param>
    /// <returns>The instant, or null for a missing or null value.</returns>
    /// <exception cref="SourceDataException">The value is not an ISO-8601 timestamp.</exception>
    public static DateTimeOffset? Read(JsonElement value, string where)
    {
        var text = value.AsText();
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new SourceDataException($"{where}: '{text}' is not an ISO-8601 timestamp");
    }
}
