using Analytics.Domain.Common;

namespace Analytics.Reports.Charts.Axes;

/// <summary>
/// "Nice numbers for graph labels" (Paul Heckbert, Graphics Gems, 1990): ticks at 1, 2 or 5 times a power of ten, with
/// the axis widened to whole steps ("loose labelling"). Data 0..97 with about 5 ticks gives 0, 20, 40, 60, 80, 100.
/// </summary>
internal static class NiceNumbers
{
    private const double Tolerance = 1e-9;

    /// <summary>
    /// A nice number near <paramref name="x"/>: 1, 2, 5 or 10 times a power of ten. Rounded to the nearest when
    /// <paramref name="round"/> is true, otherwise the smallest nice number not below <paramref name="x"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is not a finite number above zero.</exception>
    public static double Nice(double x, bool round)
    {
        var (mantissa, exponent) = NiceParts(x, round);
        return Pow10.Scale(mantissa, exponent);
    }

    /// <summary>
    /// The ticks for data from <paramref name="min"/> to <paramref name="max"/> with about <paramref name="desiredTicks"/>
    /// ticks. Equal bounds are widened (0 to 0..1, v to v ± 10%).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or max is below min.</exception>
    public static AxisTicks Ticks(double min, double max, int desiredTicks)
    {
        if (!double.IsFinite(min))
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, "must be a finite number");
        }

        if (!double.IsFinite(max) || max < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), max, $"must be a finite number not below min ({min})");
        }

        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = min == 0 ? (0, 1) : (min - pad, max + pad);
        }

        var intervals = Math.Max(1, desiredTicks - 1);
        var range = Nice(max - min, round: false);
        var (mantissa, exponent) = NiceParts(range / intervals, round: true);
        var step = Pow10.Scale(mantissa, exponent);
        var first = (long)Math.Floor((min / step) + Tolerance);
        var last = (long)Math.Ceiling((max / step) - Tolerance);
        var values = new List<double>();
        for (var k = first; k <= last; k++)
        {
            values.Add(Pow10.Scale((double)k * mantissa, exponent));
        }

        return new AxisTicks(values[0], values[^1], step, ValueList.From(values));
    }

    /// <summary>The nice number as (mantissa 1, 2 or 5; exponent), so callers can build exact multiples.</summary>
    internal static (int Mantissa, int Exponent) NiceParts(double x, bool round)
    {
        if (!(x > 0) || !double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "must be a finite number above zero");
        }

        var exponent = (int)Math.Floor(Math.Log10(x));
        var fraction = x / Pow10.Scale(1, exponent);
        if (fraction >= 10)
        {
            exponent++;
            fraction /= 10;
        }
        else if (fraction < 1)
        {
            exponent--;
            fraction *= 10;
        }

        int nice;
        if (round)
        {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        }
        else
        {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        }

        return nice == 10 ? (1, exponent + 1) : (nice, exponent);
    }
}
