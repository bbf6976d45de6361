using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Signals.ChangePoints;
using Analytics.Signals.Series;

namespace Analytics.Signals.Ci;

/// <summary>
/// <c>ci.duration_change_points</c>: lasting changes in CI run durations, found by <see cref="ChangePointDetector"/> on
/// the durations of each workflow's successful runs, one by one in the order they were queued, over the request's
/// period. <see cref="DetectAsync"/> gives the typed change points (date, before and after, p-value); the series view
/// has a point for each window holding a change point, valued at its relative change (+0.40 is 40% slower).
/// Definition: <c>docs/signals/ci.duration_change_points.md</c>.
/// </summary>
public sealed class CiChangePoints : ISignal
{
    /// <summary>
    /// The detector options for CI durations: Otava's window of 50 and p 0.001, a minimum magnitude of 10% (durations are
    /// noisy; smaller shifts are rarely worth a person's time) and segments of at least 10 runs, so a handful of odd runs
    /// is never a segment of its own: a change point here is a lasting change.
    /// </summary>
    public static ChangePointOptions DefaultOptions { get; } = new() { MinMagnitude = 0.10, MinSegmentLength = 10 };

    /// <summary>Creates the signal with <see cref="DefaultOptions"/> or the given options.</summary>
    /// <param name="options">How to look for change points; <see cref="DefaultOptions"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is outside its range.</exception>
    public CiChangePoints(ChangePointOptions? options = null)
    {
        Options = options ?? DefaultOptions;
        Options.Validate();
    }

    /// <summary>How change points are looked for.</summary>
    public ChangePointOptions Options { get; }

    /// <inheritdoc />
    public string Name => "ci.duration_change_points";

    /// <inheritdoc />
    public string Description => "Lasting changes in CI run durations per team, repository and workflow; value: relative change of the mean duration.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <summary>The change points of every team's workflows over the request's period, by team, repository, workflow and time.</summary>
    /// <param name="request">What to look at.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The change points; none when no workflow changed.</returns>
    /// <exception cref="Storage.StoreException">The store cannot be read.</exception>
    public async Task<IReadOnlyList<CiDurationChangePoint>> DetectAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = new List<CiDurationChangePoint>();
        foreach (var workflow in await DurationsAsync(request, cancellationToken))
        {
            result.AddRange(ChangePointDetector.Detect(workflow.Durations, Options)
                .Select(p => new CiDurationChangePoint(workflow.Key.Team, workflow.Key.Repository, workflow.Key.Workflow, p)));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var series = new List<Series.Series>();
        foreach (var workflow in await DurationsAsync(request, cancellationToken))
        {
            var points = ChangePointDetector.Detect(workflow.Durations, Options);
            if (points.Count == 0)
            {
                continue;
            }

            // A window with two change points shows the larger move; the typed view has both.
            var windows = points
                .GroupBy(p => TimeWindow.Containing(p.At!.Value, request.Granularity, workflow.TimeZone))
                .Select(g => new SeriesPoint(
                    g.Key,
                    g.MaxBy(p => Math.Abs(p.RelativeChange))!.RelativeChange,
                    CountWithin(workflow.Durations, g.Key)))
                .OrderBy(p => p.Window.Start);
            series.Add(new Series.Series(
                Name,
                Labels.Of(new Label("team", workflow.Key.Team), new Label("repository", workflow.Key.Repository), new Label("workflow", workflow.Key.Workflow)),
                Unit,
                ValueList.From(windows)));
        }

        return series;
    }

    /// <summary>
    /// The durations of each workflow's successful attempts queued in the period, in time order. Failed attempts stop
    /// early and cancelled ones are cut short, so their durations say where they stopped, not how long CI takes.
    /// </summary>
    private static async Task<List<((string Team, string Repository, string Workflow) Key, string TimeZone, List<TimedValue> Durations)>> DurationsAsync(
        SignalRequest request, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<(string Team, string Repository, string Workflow), (string TimeZone, List<TimedValue> Durations)>();
        foreach (var run in (await CiRuns.ReadAsync(request, cancellationToken)).Runs)
        {
            if (run.Conclusion != RunConclusion.Success || run.Duration is not { } duration || run.QueuedAt < request.From || run.QueuedAt >= request.To)
            {
                continue;
            }

            var key = (run.Team.Id, run.Repository, run.Workflow);
            if (!groups.TryGetValue(key, out var group))
            {
                group = (run.Team.TimeZone, []);
                groups[key] = group;
            }

            group.Durations.Add(new TimedValue(run.QueuedAt, duration.TotalSeconds));
        }

        return CiRuns.InKeyOrder(groups).Select(g => (g.Key, g.Value.TimeZone, g.Value.Durations)).ToList();
    }

    /// <summary>How many durations were observed in <paramref name="window"/> (its bounds are computed once, not per duration).</summary>
    private static int CountWithin(List<TimedValue> durations, TimeWindow window)
    {
        var (start, end) = (window.Start, window.End);
        return durations.Count(d => d.At >= start && d.At < end);
    }
}
