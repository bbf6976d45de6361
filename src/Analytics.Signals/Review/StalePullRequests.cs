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
        var activity = await ReviewData.ActivityAsync(request, cancellationToken);
        var byTeam = ReviewData.IndicesByTeam(data);
        return request.Teams.Select(team =>
        {
            var windows = WindowedValues.ForTeam(request, team).Windows;
            var instants = windows.Select(window => window.End < request.To ? window.End : request.To).ToList();
            var counts = new int[windows.Count];
            foreach (var i in byTeam.TryGetValue(team.Id, out var owned) ? owned : [])
            {
                var pr = data[i];
                if (pr.Author?.IsBot != true && !pr.IsDraft)
                {
                    CountStale(pr, activity[i], instants, counts);
                }
            }

            var points = windows.Select((window, i) => new SeriesPoint(window, counts[i], counts[i]));
            return new Series.Series(Name, Labels.Of(new Label("team", team.Id)), Unit, ValueList.From(points));
        }).ToList();
    }

    /// <summary>
    /// Counts <paramref name="pr"/> (whose <paramref name="activity"/> it is) at each of <paramref name="instants"/> (in order, as window ends are) where it is open
    /// and its last activity before that instant is more than <see cref="StaleAfter"/> old. Its activity is in order and
    /// holds its opening, so one pass finds the last activity before each instant: the whole activity was rescanned for
    /// every window before.
    /// </summary>
    private static void CountStale(ReviewedPullRequest pr, DateTimeOffset[] activity, IReadOnlyList<DateTimeOffset> instants, int[] counts)
    {
        var next = 0;
        for (var i = 0; i < instants.Count; i++)
        {
            var at = instants[i];
            if (!(pr.CreatedAt < at && (pr.ClosedAt is null || pr.ClosedAt >= at)))
            {
                continue;
            }

            while (next < activity.Length && activity[next] < at)
            {
                next++;
            }

            // The last activity before the instant; the opening when none is (as the former Max over a filtered list).
            var last = next > 0 ? activity[next - 1] : pr.CreatedAt;
            if (last < at - StaleAfter)
            {
                counts[i]++;
            }
        }
    }
}
