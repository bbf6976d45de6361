using Analytics.Signals.Series;

namespace Analytics.Signals.Onboarding;

/// <summary>
/// <c>onboarding.time_to_first_merged_pr</c>: for the team's joiners who first appeared in each window, the time from
/// their first appearance to the merge of their first pull request (the median by default). Definition:
/// <c>docs/signals/onboarding.md</c>.
/// </summary>
public sealed class TimeToFirstMergedPullRequest : ISignal
{
    /// <inheritdoc />
    public string Name => "onboarding.time_to_first_merged_pr";

    /// <inheritdoc />
    public string Description => "Time from a joiner's first appearance to their first merged pull request, by window of appearance, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Joiners.TimeToAsync(this, request, j => j.FirstMergedAt, cancellationToken);
    }
}
