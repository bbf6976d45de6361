using System.Globalization;
using Analytics.Domain.Common;

namespace Analytics.Reports.Charts.Axes;

/// <summary>
/// Chooses calendar ticks for a time span (in UTC): the finest of 1, 3, 6, 12 hours; 1, 2 days; 1, 2 weeks (Mondays);
/// months; quarters; 1, 2, 5, 10… years that puts no more than the allowed number of ticks inside the span.
/// </summary>
internal static class TimeTicks
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (TimeTickUnit Unit, int Step)[] HourCandidates =
    [
        (TimeTickUnit.Hour, 1), (TimeTickUnit.Hour, 3), (TimeTickUnit.Hour, 6), (TimeTickUnit.Hour, 12),
    ];

    private static readonly (TimeTickUnit Unit, int Step)[] DayCandidates =
    [
        (TimeTickUnit.Day, 1), (TimeTickUnit.Day, 2), (TimeTickUnit.Week, 1), (TimeTickUnit.Week, 2),
        (TimeTickUnit.Month, 1), (TimeTickUnit.Quarter, 1),
    ];

    /// <summary>Chooses the ticks for <paramref name="start"/>..<paramref name="end"/> (both inclusive).</summary>
    /// <param name="start">The start of the span.</param>
    /// <param name="end">The end of the span; not before <paramref name="start"/>.</param>
    /// <param name="maxTicks">The most ticks wanted; at least 1.</param>
    /// <param name="allowHours">Whether hour ticks may be used (false for calendar dates).</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static TimeAxisTicks Choose(DateTimeOffset start, DateTimeOffset end, int maxTicks, bool allowHours)
    {
        if (end < start)
        {
            throw new ArgumentException($"must not be before start ({start:O})", nameof(end));
        }

        maxTicks = Math.Max(1, maxTicks);
        start = start.ToUniversalTime();
        end = end.ToUniversalTime();
        var candidates = (allowHours ? HourCandidates : []).Concat(DayCandidates).Concat(YearCandidates());
        foreach (var (unit, step) in candidates)
        {
            // Stop generating one past the limit: a year-wide span must not enumerate 8,760 hours to learn it is too many.
            var ticks = Generate(start, end, unit, step).Take(maxTicks + 1).ToList();
            if (ticks.Count <= maxTicks)
            {
                return new TimeAxisTicks(unit, step, ValueList.From(ticks.Select(t => new TimeTick(t, Label(t, unit)))));
            }
        }

        throw new InvalidOperationException("unreachable: year steps grow without bound");
    }

    private static IEnumerable<(TimeTickUnit Unit, int Step)> YearCandidates()
    {
        for (var exponent = 0; exponent < 5; exponent++)
        {
            foreach (var mantissa in new[] { 1, 2, 5 })
            {
                yield return (TimeTickUnit.Year, mantissa * (int)Pow10.Of(exponent));
            }
        }
    }

    private static IEnumerable<DateTimeOffset> Generate(DateTimeOffset start, DateTimeOffset end, TimeTickUnit unit, int step)
    {
        var t = First(start, unit, step);
        while (t <= end)
        {
            yield return t;
            t = unit switch
            {
                TimeTickUnit.Hour => t.AddHours(step),
                TimeTickUnit.Day => t.AddDays(step),
                TimeTickUnit.Week => t.AddDays(7 * step),
                TimeTickUnit.Month => t.AddMonths(step),
                TimeTickUnit.Quarter => t.AddMonths(3 * step),
                _ => t.Year + step > 9999 ? DateTimeOffset.MaxValue : t.AddYears(step),
            };
            if (t == DateTimeOffset.MaxValue)
            {
                yield break;
            }
        }
    }

    /// <summary>The first tick at or after <paramref name="start"/>.</summary>
    private static DateTimeOffset First(DateTimeOffset start, TimeTickUnit unit, int step)
    {
        var day = DateOnly.FromDateTime(start.UtcDateTime);
        var midnight = At(day);
        switch (unit)
        {
            case TimeTickUnit.Hour:
                var hour = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, 0, 0, TimeSpan.Zero);
                if (hour < start)
                {
                    hour = hour.AddHours(1);
                }

                while (hour.Hour % step != 0)
                {
                    hour = hour.AddHours(1);
                }

                return hour;
            case TimeTickUnit.Day:
            case TimeTickUnit.Week:
                // DayNumber 0 is Monday 1 Jan 0001, so Mondays are the multiples of 7 and every other Monday of 14.
                var period = unit == TimeTickUnit.Day ? step : 7 * step;
                var number = day.DayNumber + (midnight < start ? 1 : 0);
                var aligned = (number + period - 1) / period * period;
                return At(DateOnly.FromDayNumber(aligned));
            case TimeTickUnit.Month:
            case TimeTickUnit.Quarter:
                var months = unit == TimeTickUnit.Month ? step : 3 * step;
                var first = new DateOnly(day.Year, day.Month, 1);
                if (At(first) < start)
                {
                    first = first.AddMonths(1);
                }

                while ((first.Month - 1) % months != 0)
                {
                    first = first.AddMonths(1);
                }

                return At(first);
            default:
                var year = day.Year + (At(new DateOnly(day.Year, 1, 1)) < start ? 1 : 0);
                year = (year + step - 1) / step * step;
                return year > 9999 ? DateTimeOffset.MaxValue : At(new DateOnly(year, 1, 1));
        }
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Label(DateTimeOffset t, TimeTickUnit unit) => unit switch
    {
        TimeTickUnit.Hour when t.Hour == 0 => t.ToString("d MMM", Invariant),
        TimeTickUnit.Hour => t.ToString("HH:mm", Invariant),
        TimeTickUnit.Day or TimeTickUnit.Week => t.ToString("d MMM", Invariant),
        TimeTickUnit.Month when t.Month == 1 => t.ToString("MMM yyyy", Invariant),
        TimeTickUnit.Month => t.ToString("MMM", Invariant),
        TimeTickUnit.Quarter => $"Q{((t.Month - 1) / 3) + 1} {t.Year.ToString(Invariant)}",
        _ => t.Year.ToString(Invariant),
    };
}
