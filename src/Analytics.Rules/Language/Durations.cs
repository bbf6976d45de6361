using System.Globalization;

namespace Analytics.Rules.Language;

/// <summary>Duration literals: a whole number and a unit, <c>s</c>, <c>m</c>, <c>h</c>, <c>d</c> or <c>w</c>, as in rule files' <c>for</c> and in expressions.</summary>
public static class Durations
{
    /// <summary>The units and their length.</summary>
    public static IReadOnlyDictionary<string, TimeSpan> Units { get; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
    {
        ["s"] = TimeSpan.FromSeconds(1),
        ["m"] = TimeSpan.FromMinutes(1),
        ["h"] = TimeSpan.FromHours(1),
        ["d"] = TimeSpan.FromDays(1),
        ["w"] = TimeSpan.FromDays(7),
    };

    /// <summary>Parses <c>10m</c>, <c>2d</c>, <c>4w</c>, <c>1h30m</c> or <c>0</c>; null when it is not a duration.</summary>
    public static TimeSpan? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetterLower(text[i]))
            {
                i++;
            }

            if (start == unitStart || unitStart == i
                || !Units.TryGetValue(text[unitStart..i], out var unit)
                || !long.TryParse(text[start..unitStart], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return null;
            }

            total += unit * count;
        }

        return total;
    }

    /// <summary>Writes a duration the way rule files do: <c>4w</c>, <c>2d</c>, <c>1h30m</c>, <c>0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new System.Text.StringBuilder();
        var rest = duration;
        foreach (var (name, unit) in Units.OrderByDescending(u => u.Value))
        {
            var count = (long)(rest.Ticks / unit.Ticks);
            if (count > 0)
            {
                text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(name);
                rest -= unit * count;
            }
        }

        return text.ToString();
    }
}
