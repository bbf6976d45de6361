namespace Analytics.Signals.Incremental;

/// <summary>
/// A signal that keeps a series only when its points over the whole period call for it (<c>tests.flaky_score</c> keeps
/// the tests with a score above zero in some window). Computed over a part of a request (<see cref="SignalRequest.IsPart"/>:
/// the signal cache's spans and teams) it returns every series it has points for, so that the cache learns the span's
/// points of a kept series whatever they are, and keeps a series by <see cref="Keeps"/> once spliced into the period.
/// </summary>
internal interface IKeepsSeriesOverPeriod
{
    /// <summary>Whether a full computation returns <paramref name="series"/>, given its points over the whole period.</summary>
    bool Keeps(Series.Series series);
}
