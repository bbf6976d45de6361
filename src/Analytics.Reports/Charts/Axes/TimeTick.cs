namespace Analytics.Reports.Charts.Axes;

/// <summary>One tick of a time axis: where it is and what it says.</summary>
/// <param name="At">The instant (UTC).</param>
/// <param name="Label">The label, such as "3 Mar", "Mar" or "Q2 2026".</param>
internal readonly record struct TimeTick(DateTimeOffset At, string Label);
