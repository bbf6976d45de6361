using System.Globalization;

namespace Analytics.Rules.Testing;

/// <summary>
/// Expands promtool-style value notation: numbers separated by spaces, <c>_</c> for a window without a value,
/// <c>a+bxn</c> for a, a+b, …, a+n·b (n+1 values), <c>a-bxn</c> likewise, <c>axn</c> for a repeated n+1 times and
/// <c>_xn</c> for n+1 missing values.
/// </summary>
public static class SeriesValues
{
    /// <summary>The values, or an error naming the bad item.</summary>
    public static (IReadOnlyList<double?>? Values, string? Error) Expand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<double?>();
        foreach (var item in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var x = item.IndexOf('x', StringComparison.Ordinal);
            if (x < 0)
            {
                if (item == "_")
                {
                    values.Add(null);
                }
                else if (double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var single))
                {
                    values.Add(single);
                }
                else
                {
                    return (null, $"'{item}' is not a number, '_', or a+bxn");
                }

                continue;
            }

            if (!int.TryParse(item[(x + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var times))
            {
                return (null, $"'{item}': the count after 'x' must be a whole number");
            }

            var head = item[..x];
            if (head == "_")
            {
                values.AddRange(Enumerable.Repeat<double?>(null, times + 1));
                continue;
            }

            var sign = head.IndexOfAny(['+', '-'], 1);
            var start = sign < 0 ? head : head[..sign];
            var step = sign < 0 ? "0" : head[sign..];
            if (!double.TryParse(start, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                || !double.TryParse(step, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            {
                return (null, $"'{item}' is not a+bxn");
            }

            for (var i = 0; i <= times; i++)
            {
                values.Add(a + (b * i));
            }
        }

        return (values, null);
    }
}
