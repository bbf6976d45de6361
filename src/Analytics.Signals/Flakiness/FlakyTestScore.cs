using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// <c>tests.flaky_score</c>: per test, the share of its tested commits with pass-and-fail evidence in the look-back
/// window ending at each window's end. Only tests with a score above zero in some window get a series, which keeps the
/// number of series to the flaky tests. Definition: <c>docs/signals/tests.flaky_score.md</c>.
/// </summary>
/// <param name="options">The thresholds; default <see cref="FlakinessOptions.Default"/>.</param>
public sealed class FlakyTestScore(FlakinessOptions? options = null) : ISignal, Incremental.IKeepsSeriesOverPeriod
{
    private readonly FlakinessOptions _options = options ?? FlakinessOptions.Default;

    /// <inheritdoc />
    public string Name => "tests.flaky_score";

    /// <inheritdoc />
    public string Description => "Per flaky test, the share of tested commits on which it both passed and failed.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var timeline = await FlakinessTimeline.ComputeAsync(request, _options, cancellationToken);
        return timeline.Tests
            // The rule of Keeps, on the verdicts: no series is built for the many tests it leaves out.
            .Where(t => request.IsPart || t.Verdicts.Any(v => ValueOf(v) > 0))
            .OrderBy(t => (t.Team.Id, t.Repository, t.TestId))
            .Select(t => new Series.Series(
                Name,
                Labels.Of(new Label("team", t.Team.Id), new Label("repository", t.Repository), new Label("test", t.TestId)),
                Unit,
                ValueList.From(timeline.Windows[t.Team.Id].Select((w, i) =>
                {
                    var v = t.Verdicts[i];
                    return new SeriesPoint(w, ValueOf(v), v.Commits);
                }))))
            .ToList();
    }

    /// <summary>A test is kept when its score is above zero in some window: evidence, with enough runs to judge.</summary>
    bool Incremental.IKeepsSeriesOverPeriod.Keeps(Series.Series series) => series.Points.Any(p => p.Value > 0);

    // A window's value: the score, none without enough runs to judge.
    private static double? ValueOf(WindowVerdict verdict) => verdict.State == TestState.NotEnoughRuns ? null : verdict.Score;
}
