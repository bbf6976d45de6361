using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Delivery;

/// <summary>
/// <c>pr.wip</c>: people's open, non-draft pull requests at each window's end (the period's end for the current window),
/// per team owning the repository. Definition: <c>docs/signals/flow.md</c>.
/// </summary>
public sealed class WorkInProgress : ISignal
{
    /// <inheritdoc />
    public string Name => "pr.wip";

    /// <inheritdoc />
    public string Description => "Open non-draft PRs by people at the window's end (or the period's end), per team.";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var open = await OpenPullRequests.LoadAsync(request, cancellationToken);
        return request.Teams.Select(team =>
        {
            var owned = open.Where(pr => request.OwnerOf(pr.Repository)?.Id == team.Id).ToList();
            var points = WindowedValues.ForTeam(request, team).Windows.Select(window =>
            {
                var at = OpenPullRequests.CountedAt(request, window);
                var count = owned.Count(pr => OpenPullRequests.IsOpenAt(pr, at));
                return new SeriesPoint(window, count, count);
            });
            return new Series.Series(Name, Labels.Of(new Label("team", team.Id)), Unit, ValueList.From(points));
        }).ToList();
    }
}
