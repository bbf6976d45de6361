using Analytics.Domain.Ci;
using Analytics.Signals.Series;

namespace Analytics.Signals.Ci;

/// <summary>
/// <c>ci.run_duration</c>: the 50th and 90th percentiles of CI run-attempt durations (start to finish) per window, per
/// team, repository and workflow; attempts that were cancelled or skipped are left out. Definition:
/// <c>docs/signals/ci.run_duration.md</c>.
/// </summary>
public sealed class CiRunDuration : ISignal
{
    /// <summary>Fewer runs than this in a window give no value: a 90th percentile of three runs says little.</summary>
    public const int MinimumRuns = 5;

    /// <inheritdoc />
    public string Name => "ci.run_duration";

    /// <inheritdoc />
    public string Description => "p50 and p90 of CI run durations per window, per team, repository and workflow.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CiRuns.DurationQuantilesAsync(
            this,
            request,
            run => run.Conclusion is RunConclusion.Cancelled or RunConclusion.Skipped or null ? null : run.Duration?.TotalSeconds,
            MinimumRuns,
            cancellationToken);
    }
}
