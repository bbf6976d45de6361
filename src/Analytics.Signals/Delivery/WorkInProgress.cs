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
        var byOwner = OpenPullRequests.ByOwner(request, await OpenPullRequests.LoadAsync(request, cancellationToken));
        return request.Teams.Select(team =>
        {
            var windows = WindowedValues.ForTeam(request, team).Windows;
            var counts = OpenPullRequests.CountOpenAt(
                byOwner.TryGetValue(team.Id, out var owned) ? owned : [],
                windows.Select(window => OpenPullRequests.CountedAt(request, window)).ToList());
            var points = windows.Select((window, i) => new SeriesPoint(window, counts[i], counts[i]));
            return new Series.Series(Name, Labels.Of(new Label("team", team.Id)), Unit, ValueList.From(points));
        }).ToList();
    }
}
