using Analytics.Domain.Ci;
using Analytics.Domain.People;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Ci;

/// <summary>What the CI-health signals share: which runs a request covers, who owns them and their branch label.</summary>
internal static class CiRuns
{
    /// <summary>The <c>branch</c> label of runs that are not on the default branch, pull-request runs included.</summary>
    public const string OtherBranch = "other";

    /// <summary>
    /// The attempts of runs in the teams' repositories queued within a week of the request's period (windows cut them
    /// further), with their owning team, ordered by time queued, then run and attempt, so results do not depend on the
    /// store's order.
    /// </summary>
    public static async Task<List<(Team Team, WorkflowRun Run)>> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var runs = new List<(Team, WorkflowRun)>();
        var query = StoreQuery.All.Since("queued_at", request.From.AddDays(-7)).Before("queued_at", request.To.AddDays(7));
        await foreach (var run in request.Store.ReadAsync(Entities.WorkflowRuns, query, cancellationToken))
        {
            if (request.OwnerOf(run.Repository) is { } team)
            {
                runs.Add((team, run));
            }
        }

        return runs
            .OrderBy(r => r.Item2.QueuedAt)
            .ThenBy(r => r.Item2.Repository, StringComparer.Ordinal)
            .ThenBy(r => r.Item2.RunId, StringComparer.Ordinal)
            .ThenBy(r => r.Item2.Attempt)
            .ToList();
    }

    /// <summary>The quantiles the CI duration signals report.</summary>
    private static readonly double[] DurationQuantiles = [0.5, 0.9];

    /// <summary>
    /// p50 and p90 series of <paramref name="seconds"/> per team, repository and workflow, observed when each attempt was
    /// queued; attempts for which it is null are left out, and windows with fewer than <paramref name="minimumRuns"/>
    /// attempts have no value.
    /// </summary>
    public static async Task<IReadOnlyList<Series.Series>> DurationQuantilesAsync(
        ISignal signal,
        SignalRequest request,
        Func<WorkflowRun, double?> seconds,
        int minimumRuns,
        CancellationToken cancellationToken)
    {
        var groups = new SortedDictionary<(string Team, string Repository, string Workflow), WindowedValues>();
        foreach (var (team, run) in await ReadAsync(request, cancellationToken))
        {
            if (seconds(run) is not { } value)
            {
                continue;
            }

            var key = (team.Id, run.Repository, run.Workflow);
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = new WindowedValues(Windows(request, team));
            }

            values.Add(run.QueuedAt, value);
        }

        return groups
            .SelectMany(g => DurationQuantiles.Select(q => g.Value.ToSeries(
                signal.Name,
                Labels.Of(
                    new Label("team", g.Key.Team),
                    new Label("repository", g.Key.Repository),
                    new Label("workflow", g.Key.Workflow),
                    new Label("quantile", q.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                signal.Unit,
                values => values.Count >= minimumRuns ? Statistics.Quantile.Of(values, q) : null)))
            .ToList();
    }

    /// <summary>Each stored repository's default branch, by full name (any case).</summary>
    public static async Task<Dictionary<string, string>> DefaultBranchesAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var branches = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var repository in request.Store.ReadAsync(Entities.Repositories, StoreQuery.All, cancellationToken))
        {
            branches[repository.FullName] = repository.DefaultBranch;
        }

        return branches;
    }

    /// <summary>
    /// The <c>branch</c> label: the default branch's name for runs on it that are not pull-request runs, otherwise
    /// <see cref="OtherBranch"/>. Two values per repository at most, however many branches there are. A repository the
    /// store does not describe is taken to use <c>main</c>.
    /// </summary>
    public static string BranchLabel(WorkflowRun run, IReadOnlyDictionary<string, string> defaultBranches)
    {
        var defaultBranch = defaultBranches.TryGetValue(run.Repository, out var branch) ? branch : "main";
        var pullRequest = run.Event.StartsWith("pull_request", StringComparison.Ordinal);
        return !pullRequest && string.Equals(run.Branch, defaultBranch, StringComparison.Ordinal) ? defaultBranch : OtherBranch;
    }

    /// <summary>A team's windows over the request's period.</summary>
    public static List<TimeWindow> Windows(SignalRequest request, Team team) =>
        TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList();
}
