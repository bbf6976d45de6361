using Analytics.Domain.Common;
using Analytics.Reports.Charts;

namespace Analytics.Reports.Tests.Charts;

/// <summary>Small builders for chart specifications in tests.</summary>
internal static class ChartData
{
    public static readonly DateOnly Monday = new(2026, 3, 2);

    public static TimePoint Day(int offset, double? value) => TimePoint.OnDate(Monday.AddDays(offset), value);

    public static TimeSeries Series(string name, params TimePoint[] points) => new(name, ValueList.Of(points));

    public static TimeSeriesChart Chart(params TimeSeries[] series) =>
        new("Lead time", "Median lead time per day.", ValueList.Of(series)) { XAxis = TimeAxisKind.CalendarDates };
}
