using Analytics.Domain.Common;

namespace Analytics.Reports.Charts.Axes;

/// <summary>The ticks chosen for a time axis: every <see cref="Step"/> <see cref="Unit"/>s. Equality is by value.</summary>
/// <param name="Unit">The calendar unit.</param>
/// <param name="Step">How many units between ticks.</param>
/// <param name="Ticks">The ticks inside the span, in time order.</param>
internal sealed record TimeAxisTicks(TimeTickUnit Unit, int Step, ValueList<TimeTick> Ticks);
