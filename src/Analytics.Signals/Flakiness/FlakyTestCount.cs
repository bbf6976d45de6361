using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// <c>tests.flaky</c>: how many tests are flaky at the end of each window, per team and repository (each verdict looks
/// back <see cref="FlakinessOptions.Window"/>). Definition: <c>docs/signals/tests.flaky.md</c>.
/// </summary>
/// <param name="options">The thresholds; default <see cref="FlakinessOptions.Default"/>.</param>
public sealed class FlakyTestCount(FlakinessOptions? options = null) : ISignal
{
    private readonly FlakinessOptions _options = options ?? FlakinessOptions.Default;

    /// <inheritdoc />
    public string Name => "tests.flaky";

    /// <inheritdoc />
    public string Description => "Tests in the flaky state at the end of each window, per team and repository.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var timeline = await FlakinessTimeline.ComputeAsync(request, _options, cancellationToken);
        return timeline.Tests
            .GroupBy(t => (Team: t.Team.Id, t.Repository))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var windows = timeline.Windows[g.Key.Team];
                var points = windows.Select((w, i) =>
                {
                    // Observations: tests with a verdict; no value when none has one.
                    var judged = g.Count(t => t.Verdicts[i].State != TestState.NotEnoughRuns);
                    double? value = judged == 0 ? null : g.Count(t => t.Verdicts[i].State == TestState.Flaky);
                    return new SeriesPoint(w, value, judged);
                });
                return new Series.Series(Name, Labels.Of(new Label("team", g.Key.Team), new Label("repository", g.Key.Repository)), Unit, ValueList.From(points));
            })
            .ToList();
    }
}
