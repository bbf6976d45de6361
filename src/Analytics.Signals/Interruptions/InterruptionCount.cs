using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Interruptions;

/// <summary>
/// <c>interruptions.count</c>: a team's interruptions per window by kind: <c>page</c> (a person paged for an incident of
/// the team's services, as <c>oncall.pages</c> counts them), <c>incident</c> (incidents of its services opened) and
/// <c>unplanned_ticket</c> (unplanned tickets created and assigned to its members). Definition:
/// <c>docs/signals/interruptions.md</c>.
/// </summary>
/// <param name="options">What makes a ticket unplanned; null for <see cref="InterruptionOptions.Default"/>.</param>
public sealed class InterruptionCount(InterruptionOptions? options = null) : ISignal
{
    private readonly InterruptionOptions _options = options ?? InterruptionOptions.Default;

    /// <inheritdoc />
    public string Name => "interruptions.count";

    /// <inheritdoc />
    public string Description => "Pages, incidents and unplanned tickets per window, per team and kind.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var interruptions = await Interruptions.ComputeAsync(request, _options, cancellationToken);
        return request.Teams
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .SelectMany(team => new (string Kind, Func<int, int> Count)[]
            {
                ("page", i => interruptions.Pages[team.Id].Values.Sum(v => v.CountIn(i))),
                ("incident", i => interruptions.Incidents[team.Id].CountIn(i)),
                ("unplanned_ticket", i => interruptions.UnplannedTickets[team.Id].Values.Sum(v => v.CountIn(i))),
            }.Select(kind => new Series.Series(
                Name,
                Labels.Of(new Label("team", team.Id), new Label("kind", kind.Kind)),
                Unit,
                ValueList.From(interruptions.WindowsOf(team).Select((w, i) => new SeriesPoint(w, kind.Count(i), kind.Count(i)))))))
            .ToList();
    }
}
