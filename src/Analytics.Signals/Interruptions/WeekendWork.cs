using Analytics.Signals.Series;

namespace Analytics.Signals.Interruptions;

/// <summary>
/// <c>offhours.weekend_share</c>: the share of a team's pages and commits that fell on a day each person does not work
/// (by default Saturday and Sunday) in their time zone, per window, per team and kind (<c>page</c>, <c>commit</c>,
/// <c>all</c>). Definition: <c>docs/signals/offhours.md</c>.
/// </summary>
public sealed class WeekendWork : ISignal
{
    /// <inheritdoc />
    public string Name => "offhours.weekend_share";

    /// <inheritdoc />
    public string Description => "Share of pages and commits on each person's days off (by default weekends), per window, per team and kind.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Ratio;

    /// <inheritdoc />
    public Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OffHoursShare.ComputeAsync(this, request, (hours, at, zone) => hours.IsDayOff(at, zone), cancellationToken);
    }
}
