using Analytics.Signals.Series;

namespace Analytics.Signals.Onboarding;

/// <summary>
/// <c>onboarding.time_to_first_review</c>: for the team's joiners who first appeared in each window, the time from their
/// first appearance to their first review of someone else's pull request (the median by default). Definition:
/// <c>docs/signals/onboarding.md</c>.
/// </summary>
public sealed class TimeToFirstReviewGiven : ISignal
{
    /// <inheritdoc />
    public string Name => "onboarding.time_to_first_review";

    /// <inheritdoc />
    public string Description => "Time from a joiner's first appearance to the first review they gave, by window of appearance, per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Seconds;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Joiners.TimeToAsync(this, request, j => j.FirstReviewAt, cancellationToken);
    }
}
