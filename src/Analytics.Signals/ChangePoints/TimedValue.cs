namespace Analytics.Signals.ChangePoints;

/// <summary>One observation of a series with times, such as one CI run's duration at the time it was queued.</summary>
/// <param name="At">When it was observed.</param>
/// <param name="Value">What was observed.</param>
public readonly record struct TimedValue(DateTimeOffset At, double Value);
