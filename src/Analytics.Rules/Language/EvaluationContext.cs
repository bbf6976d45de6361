using Analytics.Signals.Series;

namespace Analytics.Rules.Language;

/// <summary>What an expression is evaluated against: each signal's series and the instant of the evaluation.</summary>
/// <param name="Series">Each signal's series, by name (all windows; those not complete at <paramref name="At"/> are ignored).</param>
/// <param name="At">The evaluation time: windows that end at or before it are complete; the latest of them is "last".</param>
/// <param name="Window">The length of one window (one day or one week), to turn ranges into window counts.</param>
public sealed record EvaluationContext(IReadOnlyDictionary<string, IReadOnlyList<Series>> Series, DateTimeOffset At, TimeSpan Window);
