using System.Globalization;
using Analytics.Domain.Common;

namespace Analytics.Storage.Schema;

/// <summary>
/// The text form of column values, used by CSV files and error messages. Instants are ISO 8601 with an offset (written
/// at UTC with a <c>Z</c>); durations are seconds; enumerations are snake_case; lists are <c>;</c>-separated.
/// </summary>
public static class ColumnText
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>Writes a value in its text form; null becomes the empty string.</summary>
    public static string Format(Column column, object? value) => value switch
    {
        null => "",
        string s => s,
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset t => FormatInstant(t),
        TimeSpan span => span.TotalSeconds.ToString("R", CultureInfo.InvariantCulture),
        Enum e => SnakeCase.From(e.ToString()),
        ValueList<string> list => string.Join(';', list),
        _ => throw new ArgumentException($"column '{column.Name}' cannot hold a {value.GetType().Name}", nameof(value)),
    };

    /// <summary>Writes an instant at UTC, such as <c>2026-03-02T09:15:00Z</c>.</summary>
    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a value from its text form.</summary>
    /// <param name="column">The column the value belongs to.</param>
    /// <param name="text">The text; empty means no value.</param>
    /// <param name="value">The value read, or null.</param>
    /// <param name="error">Why the text is not a valid value, or null.</param>
    /// <returns>Whether the text is valid.</returns>
    public static bool TryParse(Column column, string? text, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrEmpty(text))
        {
            if (column.Kind is ColumnKind.Text && !column.IsNullable)
            {
                value = "";
                return true;
            }

            if (column.Kind is ColumnKind.TextList)
            {
                value = ValueList<string>.Empty;
                return true;
            }

            error = column.IsNullable ? null : "is required";
            return column.IsNullable;
        }

        switch (column.Kind)
        {
            case ColumnKind.Text:
                value = text;
                return true;
            case ColumnKind.Integer when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i):
                value = i;
                return true;
            case ColumnKind.Integer:
                error = $"'{text}' is not a whole number";
                return false;
            case ColumnKind.Real when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                value = d;
                return true;
            case ColumnKind.Real:
                error = $"'{text}' is not a number (use '.' for decimals)";
                return false;
            case ColumnKind.Boolean:
                return TryParseBoolean(text, out value, out error);
            case ColumnKind.Instant:
                return TryParseInstant(text, out value, out error);
            case ColumnKind.Duration when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds):
                if (seconds < 0)
                {
                    error = $"'{text}' is negative; a duration is zero or more seconds";
                    return false;
                }

                value = Seconds.ToTimeSpan(seconds);
                return true;
            case ColumnKind.Duration:
                error = $"'{text}' is not a number of seconds";
                return false;
            case ColumnKind.Enum:
                value = SnakeCase.Parse(column.EnumType!, text);
                error = value is null ? $"'{text}' is not one of: {string.Join(", ", column.EnumNames)}" : null;
                return value is not null;
            case ColumnKind.TextList:
                value = ValueList.From(text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return true;
            default:
                throw new InvalidOperationException($"unknown column kind {column.Kind}");
        }
    }

    private static bool TryParseBoolean(string text, out object? value, out string? error)
    {
        value = text.Trim().ToLowerInvariant() switch
        {
            "true" or "1" or "yes" => true,
            "false" or "0" or "no" => false,
            _ => null,
        };
        error = value is null ? $"'{text}' is not true or false" : null;
        return value is not null;
    }

    private static bool TryParseInstant(string text, out object? value, out string? error)
    {
        value = null;
        error = null;
        var trimmed = text.Trim();

        // Jira writes offsets without a colon (+0000); .NET's ISO parser wants +00:00.
        if (trimmed.Length > 5 && (trimmed[^5] is '+' or '-') && trimmed[^4..].All(char.IsAsciiDigit)
            && trimmed.Contains('T', StringComparison.Ordinal))
        {
            trimmed = string.Concat(trimmed.AsSpan(0, trimmed.Length - 2), ":", trimmed.AsSpan(trimmed.Length - 2));
        }

        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z')
            || (trimmed.Length > 6 && (trimmed[^6] is '+' or '-') && trimmed[^3] == ':');
        if (!hasOffset)
        {
            error = $"'{text}' has no time zone offset; write it like 2026-03-02T09:15:00Z or 2026-03-02T10:15:00+01:00";
            return false;
        }

        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            error = $"'{text}' is not an ISO 8601 date and time";
            return false;
        }

        value = instant.ToUniversalTime();
        return true;
    }
}
