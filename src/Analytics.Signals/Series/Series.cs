using Analytics.Domain.Common;

namespace Analytics.Signals.Series;

/// <summary>
/// The values of one signal for one label set, window by window: what rules read, reports draw and the dashboard lists,
/// whatever the signal computes.
/// </summary>
/// <param name="Signal">The signal's name, such as <c>pr.cycle_time</c>.</param>
/// <param name="Labels">What this series is about (team, repository, workflow…).</param>
/// <param name="Unit">What the values measure.</param>
/// <param name="Points">One point per window, oldest first.</param>
public sealed record Series(string Signal, Labels Labels, SignalUnit Unit, ValueList<SeriesPoint> Points);
