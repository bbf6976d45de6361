using Analytics.Signals.Series;

namespace Analytics.Signals.Interruptions;

/// <summary>
/// <c>offhours.share</c>: the share of a team's pages and commits that fell outside each person's working hours in
/// their time zone (as configured in the teams file; by default 09:00–18:00, Monday to Friday, in the team's zone), per
/// window, per team and kind (<c>page</c>, <c>commit</c>, <c>all</c>). Definition: <c>docs/signals/offhours.md</c>.
/// </summary>
public sealed class OffHoursWork : ISignal
{
    /// <inheritdoc />
    public string Name => "offhours.share";

    /// <inheritdoc />
    public string Description => "Share of pages and commits outside each person's working hours, per window, per team and kind.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OffHoursShare.ComputeAsync(this, request, (hours, at, zone) => !hours.Contains(at, zone), cancellationToken);
    }
}
