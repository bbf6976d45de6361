using Analytics.Domain.Common;
using Analytics.Signals.Series;

namespace Analytics.Signals.Review;

/// <summary>
/// <c>review.stale_prs</c>: people's open, non-draft pull requests with no activity (opening, review or comment) in the
/// <see cref="StaleAfter"/> before each window's end, per team. Definition: <c>docs/signals/review.md</c>.
/// </summary>
public sealed class StalePullRequests : ISignal
{
    /// <summary>How long without activity makes an open pull request stale (a week: the horizon of the common "no pull request waits more than a week" working agreement; shorter thresholds flag every pull request idle over a weekend).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(7);

    /// <inheritdoc />
    public string Name => "review.stale_prs";

    /// <inheritdoc />
    public string Description => "Open non-draft PRs with no activity in the 7 days before the window's end (or the period's end).";

    /// <inheritdoc />
    public SignalUnit Unit => SignalUnit.Count;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Series.Series>> ComputeAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var data = await ReviewData.LoadAsync(request, cancellationToken);
        return request.Teams.Select(team =>
        {
            var windows = WindowedValues.ForTeam(request, team).Windows;
            var points = windows.Select(window =>
            {
                var at = window.End < request.To ? window.End : request.To;
                var stale = data.Count(pr => pr.Team.Id == team.Id && pr.Author?.IsBot != true && !pr.IsDraft
                    && pr.CreatedAt < at
                    && (pr.ClosedAt is null || pr.ClosedAt >= at)
                    && LastActivityBefore(pr, at) < at - StaleAfter);
                return new SeriesPoint(window, stale, stale);
            });
            return new Series.Series(Name, Labels.Of(new Label("team", team.Id)), Unit, ValueList.From(points));
        }).ToList();
    }

    private static DateTimeOffset LastActivityBefore(ReviewedPullRequest pr, DateTimeOffset at) =>
        pr.Activity.Where(a => a < at).DefaultIfEmpty(pr.CreatedAt).Max();
}
