using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Interruptions;

/// <summary>
/// <c>interruptions.load</c>: each person's interruptions per window for a team, pages plus unplanned tickets assigned
/// to them (the team's members with none show 0). A person-level signal: it measures load on people, like
/// <c>review.reviews</c>, never performance. Definition: <c>docs/signals/interruptions.md</c>.
/// </summary>
/// <param name="options">What makes a ticket unplanned; null for <see cref="InterruptionOptions.Default"/>.</param>
public sealed class InterruptionLoad(InterruptionOptions? options = null) : ISignal
{
    private readonly InterruptionOptions _options = options ?? InterruptionOptions.Default;

    /// <inheritdoc />
    public string Name => "interruptions.load";

    /// <inheritdoc />
    public string Description => "Pages plus unplanned tickets per person per window, per team (a load measure).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var interruptions = await Interruptions.ComputeAsync(request, _options, cancellationToken);
        return request.Teams
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .SelectMany(team =>
            {
                var pages = interruptions.Pages[team.Id];
                var tickets = interruptions.UnplannedTickets[team.Id];
                return pages.Keys.Union(tickets.Keys).Order(StringComparer.Ordinal).Select(person => new Series.Series(
                    Name,
                    Labels.Of(new Label("team", team.Id), new Label("person", person)),
                    Unit,
                    ValueList.From(interruptions.WindowsOf(team).Select((w, i) =>
                    {
                        var count = (pages.GetValueOrDefault(person)?.CountIn(i) ?? 0) + (tickets.GetValueOrDefault(person)?.CountIn(i) ?? 0);
                        return new SeriesPoint(w, count, count);
                    }))));
            })
            .ToList();
    }
}
