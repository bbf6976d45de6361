using Analytics.Domain.Common;

namespace Analytics.Reports.Charts.Axes;

/// <summary>
/// The ticks of a numeric axis: the axis runs from <see cref="Min"/> to <see cref="Max"/> (the first and last tick),
/// with a tick every <see cref="Step"/>. Equality is by value.
/// </summary>
/// <param name="Min">The first tick, where the axis starts.</param>
/// <param name="Max">The last tick, where the axis ends.</param>
/// <param name="Step">The distance between ticks; above zero.</param>
/// <param name="Values">The tick values, ascending.</param>
internal sealed record AxisTicks(double Min, double Max, double Step, ValueList<double> Values);
