using Analytics.Domain.Common;

namespace Analytics.Reports.Charts.Axes;

/// <summary>
/// Ticks for a duration axis (values in seconds) at human steps: 1, 2, 5, 10, 15, 30 s; 1, 2, 5, 10, 15, 30 min;
/// 1, 2, 3, 6, 12 h; then 1, 2, 5, 10, 20, 50… days. The smallest step that needs no more than the allowed number of
/// ticks wins. Spans under a second fall back to <see cref="NiceNumbers"/> (milliseconds).
/// </summary>
internal static class DurationTicks
{
    private const double Tolerance = 1e-9;
    private const double Day = 86_400;

    private static readonly int[] DayMantissas = [1, 2, 5];

    private static readonly double[] SubDaySteps =
    [
        1, 2, 5, 10, 15, 30,
        60, 120, 300, 600, 900, 1_800,
        3_600, 7_200, 10_800, 21_600, 43_200,
    ];

    /// <summary>
    /// The ticks for durations from <paramref name="min"/> to <paramref name="max"/> seconds, with at most
    /// <paramref name="maxTicks"/> ticks (at least 2). Equal bounds are widened to 0..max (or 0..60 s for zero).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or max is below min.</exception>
    public static AxisTicks Ticks(double min, double max, int maxTicks)
    {
        if (!double.IsFinite(min))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "must be a finite number");
        }

        if (!double.IsFinite(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"must be a finite number not below min ({min})");
        }

        maxTicks = Math.Max(2, maxTicks);
        if (min == max)
        {
            (min, max) = max > 0 ? (0d, max) : max < 0 ? (min, 0d) : (0d, 60d);
        }

        if (max - min < 1)
        {
            return NiceNumbers.Ticks(min, max, maxTicks);
        }

        foreach (var step in Steps())
        {
            var first = (long)Math.Floor((min / step) + Tolerance);
            var last = (long)Math.Ceiling((max / step) - Tolerance);
            if (last - first + 1 <= maxTicks)
            {
                var values = new List<double>();
                for (var k = first; k <= last; k++)
                {
                    values.Add(k * step);
                }

                return new AxisTicks(values[0], values[^1], step, ValueList.From(values));
            }
        }

        throw new InvalidOperationException("unreachable: day steps grow without bound");
    }

    private static IEnumerable<double> Steps()
    {
        foreach (var step in SubDaySteps)
        {
            yield return step;
        }

        for (var exponent = 0; ; exponent++)
        {
            foreach (var mantissa in DayMantissas)
            {
                yield return Pow10.Scale(mantissa, exponent) * Day;
            }
        }
    }
}
