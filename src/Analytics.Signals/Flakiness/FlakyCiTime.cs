using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Flakiness;

/// <summary>
/// <c>tests.flaky_ci_time</c>: CI time lost to flaky tests per window, per team and repository: the duration of run
/// attempts that failed only because of flaky tests, plus flaky tests' in-run retries. Definition:
/// <c>docs/signals/tests.flaky_ci_time.md</c>.
/// </summary>
/// <param name="options">The thresholds; default <see cref="FlakinessOptions.Default"/>.</param>
public sealed class FlakyCiTime(FlakinessOptions? options = null) : ISignal
{
    private readonly FlakinessOptions _options = options ?? FlakinessOptions.Default;

    /// <inheritdoc />
    public string Name => "tests.flaky_ci_time";

    /// <inheritdoc />
    public string Description => "CI time lost to flaky tests (failed attempts and retries) per window, per team and repository.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var timeline = await FlakinessTimeline.ComputeAsync(request, _options, cancellationToken);
        var events = timeline.Events.ToLookup(e => e.Repository, StringComparer.Ordinal);

        // Every repository with tests gets a series, so a week without loss reads 0, not "no data".
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
                    var inWindow = events[k.Repository].Where(e => w.Contains(e.At)).ToList();
                    return new SeriesPoint(w, inWindow.Sum(e => e.Lost.TotalSeconds), inWindow.Count);
                }))))
            .ToList();
    }
}
