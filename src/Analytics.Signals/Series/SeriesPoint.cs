namespace Analytics.Signals.Series;

/// <summary>A series' value in one window.</summary>
/// <param name="Window">The window.</param>
/// <param name="Value">The value; null when the window had too few observations to say.</param>
/// <param name="Observations">How many observations the value is computed from.</param>
public sealed record SeriesPoint(TimeWindow Window, double? Value, int Observations);
