using System.Globalization;

namespace Analytics.Reports.Charts;

/// <summary>
/// Writes values the way the charts do, always in the invariant culture (a decimal point, never "1,5"), so report text
/// next to a chart can match it.
/// </summary>
public static class ChartValueFormatter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (double Seconds, string Suffix)[] DurationUnits =
    [
        (1, "s"), (60, " min"), (3_600, " h"), (86_400, " d"),
    ];

    private static readonly (double Divisor, string Suffix)[] CompactUnits =
    [
        (1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"),
    ];

    /// <summary>Writes <paramref name="value"/> in <paramref name="format"/>.</summary>
    /// <param name="value">The value: a fraction for percentages, seconds for durations.</param>
    /// <param name="format">The format.</param>
    /// <returns>
    /// For <see cref="ValueFormat.Number"/>: up to two decimals, thousands as "12.3k", "1.5M", "2B", tiny values in E
    /// notation ("1.2E-5"). For <see cref="ValueFormat.Percentage"/>: 0.25 → "25%", 0.1234 → "12.3%". For
    /// <see cref="ValueFormat.Duration"/>: 0.25 → "250 ms", 45 → "45s", 720 → "12 min", 12600 → "3.5 h", 172800 → "2 d"
    /// (one decimal at most). Non-finite values are written "–".
    /// </returns>
    public static string Format(double value, ValueFormat format)
    {
        if (!double.IsFinite(value))
        {
            return "–";
        }

        return format switch
        {
            ValueFormat.Percentage => Fixed(value * 100, 1) + "%",
            ValueFormat.Duration => Duration(value),
            _ => Number(value),
        };
    }

    /// <summary>Writes a tick of a linear axis whose ticks are <paramref name="step"/> apart and reach <paramref name="maxAbs"/>.</summary>
    internal static string Tick(double value, double step, double maxAbs, ValueFormat format)
    {
        switch (format)
        {
            case ValueFormat.Duration:
                return Duration(value);
            case ValueFormat.Percentage:
                return Fixed(value * 100, DecimalsFor(step * 100)) + "%";
            default:
                if (value == 0)
                {
                    return "0";
                }

                if (maxAbs > 0 && maxAbs < 1e-3)
                {
                    return Scientific(value);
                }

                foreach (var (divisor, suffix) in CompactUnits)
                {
                    if (maxAbs >= Math.Max(divisor, 1e4))
                    {
                        return Fixed(value / divisor, DecimalsFor(step / divisor)) + suffix;
                    }
                }

                return Fixed(value, DecimalsFor(step));
        }
    }

    private static string Number(double value)
    {
        var abs = Math.Abs(value);
        if (abs != 0 && abs < 0.01)
        {
            return Scientific(value);
        }

        foreach (var (divisor, suffix) in CompactUnits)
        {
            if (abs >= Math.Max(divisor, 1e4))
            {
                return Fixed(value / divisor, 1) + suffix;
            }
        }

        return Fixed(value, 2);
    }

    private static string Duration(double seconds)
    {
        var sign = seconds < 0 ? "-" : string.Empty;
        var abs = Math.Abs(seconds);
        if (abs == 0)
        {
            return "0s";
        }

        if (abs < 1)
        {
            var ms = Math.Round(abs * 1000, MidpointRounding.AwayFromZero);
            return ms >= 1000 ? sign + "1s" : sign + Fixed(ms, 0) + " ms";
        }

        var unit = 0;
        while (unit + 1 < DurationUnits.Length && abs >= DurationUnits[unit + 1].Seconds)
        {
            unit++;
        }

        var amount = Math.Round(abs / DurationUnits[unit].Seconds, 1, MidpointRounding.AwayFromZero);

        // 59.96 s rounds to 60.0: write it as "1 min", not "60s".
        if (unit + 1 < DurationUnits.Length && amount * DurationUnits[unit].Seconds >= DurationUnits[unit + 1].Seconds)
        {
            unit++;
            amount = Math.Round(abs / DurationUnits[unit].Seconds, 1, MidpointRounding.AwayFromZero);
        }

        return sign + Fixed(amount, 1) + DurationUnits[unit].Suffix;
    }

    /// <summary>The decimals needed to tell apart ticks <paramref name="step"/> apart (0.5 → 1, 20 → 0).</summary>
    private static int DecimalsFor(double step) =>
        step > 0 ? Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 12) : 0;

    /// <summary>At most <paramref name="decimals"/> decimals, trailing zeros dropped, never "-0".</summary>
    private static string Fixed(double value, int decimals)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // turns -0 into 0
        }

        var pattern = decimals == 0 ? "0" : "0." + new string('#', decimals);
        return rounded.ToString(pattern, Invariant);
    }

    private static string Scientific(double value) => value == 0 ? "0" : value.ToString("0.##E+0", Invariant);
}
