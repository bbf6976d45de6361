using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// <c>tests.flaky_disrupted_runs</c>: CI runs whose first attempt failed only because of flaky tests, per window (by the
/// attempt's queue time), per team and repository. Definition: <c>docs/signals/tests.flaky_ci_time.md</c>.
/// </summary>
/// <param name="options">The thresholds; default <see cref="FlakinessOptions.Default"/>.</param>
public sealed class FlakyDisruptedRuns(FlakinessOptions? options = null) : ISignal
{
    private readonly FlakinessOptions _options = options ?? FlakinessOptions.Default;

    /// <inheritdoc />
    public string Name => "tests.flaky_disrupted_runs";

    /// <inheritdoc />
    public string Description => "CI runs whose first attempt failed only because of flaky tests, per window, per team and repository.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var timeline = await FlakinessTimeline.ComputeAsync(request, _options, cancellationToken);
        var events = timeline.Events.Where(e => e.DisruptedRun).ToLookup(e => e.Repository, StringComparer.Ordinal);
        return timeline.Tests
            .Select(t => (Team: t.Team.Id, t.Repository))
            .Distinct()
            .OrderBy(k => k)
            .Select(k => new Series.Series(
                Name,
                Labels.Of(new Label("team", k.Team), new Label("repository", k.Repository)),
                Unit,
                ValueList.From(timeline.Windows[k.Team].Select(w =>
                {
                    var count = events[k.Repository].Count(e => w.Contains(e.At));
                    return new SeriesPoint(w, count, count);
                }))))
            .ToList();
    }
}
