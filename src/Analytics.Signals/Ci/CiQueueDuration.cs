using Analytics.Signals.Series;

namespace Analytics.Signals.Ci;

/// <summary>
/// <c>ci.queue_duration</c>: the 50th and 90th percentiles of the time CI run attempts wait between being queued and
/// starting, per window, per team, repository and workflow. Definition: <c>docs/signals/ci.queue_duration.md</c>.
/// </summary>
public sealed class CiQueueDuration : ISignal
{
    /// <summary>Fewer attempts than this in a window give no value, as for <c>ci.run_duration</c>.</summary>
    public const int MinimumRuns = 5;

    /// <inheritdoc />
    public string Name => "ci.queue_duration";

    /// <inheritdoc />
    public string Description => "p50 and p90 of the time CI runs wait from queued to started, per window, per team, repository and workflow.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CiRuns.DurationQuantilesAsync(this, request, run => (run.StartedAt - run.QueuedAt)?.TotalSeconds, MinimumRuns, cancellationToken);
    }
}
