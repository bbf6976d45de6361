using System.Runtime.InteropServices;
using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.Ci;

/// <summary>What the CI-health signals share: which runs a request covers, who owns them and their branch label.</summary>
internal static class CiRuns
{
    /// <summary>The <c>branch</c> label of runs that are not on the default branch, pull-request runs included.</summary>
    public const string OtherBranch = "other";

    /// <summary>
    /// How far before the request's first window and after its last the runs are read: a run re-run later, or first
    /// attempted earlier, than its window is still seen as one run (<c>ci.rerun_rate</c>), and jobs queued a day or two
    /// after their run still find its workflow (<c>ci.runner_minutes</c>). Attempts outside the windows count nowhere.
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromDays(7);

    /// <summary>
    /// The run attempts of the request's teams' repositories queued in the request's windows (from the start of the
    /// first, which may begin long before <see cref="SignalRequest.From"/> at monthly or quarterly granularity, to the end
    /// of the last) give or take <see cref="Margin"/>, read once per request (<see cref="SharedAnalyses"/>: the CI
    /// signals computed together over one request, as in a weekly report or an evaluation, share it); see
    /// <see cref="CiRunSet"/>.
    /// </summary>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public static Task<CiRunSet> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var span = RequestSpan.Of(request);
        var key = new ReadKey(request.Store, ValueList.From(request.Teams), span.Start, span.End);
        return request.Shared.GetOrComputeAsync(key, ct => LoadAsync(request, ct), cancellationToken);
    }

    /// <summary>What one read covers: equal keys, equal runs.</summary>
    private sealed record ReadKey(IStore Store, ValueList<Team> Teams, DateTimeOffset Start, DateTimeOffset End);

    /// <summary>The columns the CI signals read from <c>workflow_runs</c>, in the order of the constants below.</summary>
    private static readonly string[] Columns =
        ["source", "repository", "run_id", "attempt", "workflow", "event", "branch", "status", "conclusion", "queued_at", "started_at", "finished_at"];

    private const int SourceColumn = 0;
    private const int RepositoryColumn = 1;
    private const int RunIdColumn = 2;
    private const int AttemptColumn = 3;
    private const int WorkflowColumn = 4;
    private const int EventColumn = 5;
    private const int BranchColumn = 6;
    private const int StatusColumn = 7;
    private const int ConclusionColumn = 8;
    private const int QueuedAtColumn = 9;
    private const int StartedAtColumn = 10;
    private const int FinishedAtColumn = 11;

    private static async Task<CiRunSet> LoadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var defaultBranches = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var repository in request.Store.ReadAsync(Entities.Repositories, StoreQuery.All, cancellationToken))
        {
            defaultBranches[repository.FullName] = repository.DefaultBranch;
        }

        var owners = new Dictionary<string, Team>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in request.Teams)
        {
            foreach (var repository in team.Repositories)
            {
                owners.TryAdd(repository, team);
            }
        }

        var names = OwnedRepositories.Spellings(request.Teams.SelectMany(t => t.Repositories), defaultBranches.Keys);
        var span = RequestSpan.Of(request);

        // Only the columns used, in any order (the runs are sorted below), and no record or boxed value per row; each
        // distinct text is kept once. Owners, branch labels and runs are looked up by the read's integer codes, each
        // distinct value once.
        var query = StoreQuery.All
            .WhereIn("repository", names)
            .Since("queued_at", span.Start - Margin)
            .Before("queued_at", span.End + Margin)
            .InAnyOrder();
        var runs = new List<CiRun>();
        var runRepositories = new List<int>();
        StringTable? strings = null;
        var teamsByRepository = new Dictionary<int, Team?>();
        var branchLabels = new Dictionary<(int Repository, int Event, int Branch), string>();
        var runCodes = new RunsByCode();
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.WorkflowRuns, Columns, query, cancellationToken))
        {
            strings = batch.Strings;
            var sources = batch.Codes(SourceColumn);
            var repositories = batch.Codes(RepositoryColumn);
            var runIds = batch.Codes(RunIdColumn);
            var attempts = batch.Codes(AttemptColumn);
            var workflows = batch.Codes(WorkflowColumn);
            var events = batch.Codes(EventColumn);
            var branches = batch.Codes(BranchColumn);
            var statuses = batch.Codes(StatusColumn);
            var conclusions = batch.Codes(ConclusionColumn);
            var queuedAt = batch.Ticks(QueuedAtColumn);
            var startedAt = batch.Ticks(StartedAtColumn);
            var finishedAt = batch.Ticks(FinishedAtColumn);
            for (var row = 0; row < batch.Count; row++)
            {
                var repository = repositories[row];
                if (!teamsByRepository.TryGetValue(repository, out var team))
                {
                    teamsByRepository[repository] = team = owners.GetValueOrDefault(strings[repository]);
                }

                if (team is null)
                {
                    continue;
                }

                var labelKey = (repository, events[row], branches[row]);
                if (!branchLabels.TryGetValue(labelKey, out var label))
                {
                    branchLabels[labelKey] = label = BranchLabel(strings[repository], strings[events[row]], strings.OrNull(branches[row]), defaultBranches);
                }

                var runKey = (sources[row], repository, runIds[row]);
                if (!runCodes.TryGet(runKey, out var runCode))
                {
                    runCode = runCodes.Add(runKey);
                }

                runs.Add(new CiRun(
                    team,
                    strings[sources[row]],
                    strings[repository],
                    strings[runIds[row]],
                    attempts[row],
                    strings[workflows[row]],
                    label,
                    (RunStatus)statuses[row],
                    conclusions[row] == StringTable.Null ? null : (RunConclusion)conclusions[row],
                    new DateTimeOffset(queuedAt[row], TimeSpan.Zero),
                    batch.IsNull(StartedAtColumn, row) ? null : new DateTimeOffset(startedAt[row], TimeSpan.Zero),
                    batch.IsNull(FinishedAtColumn, row) ? null : new DateTimeOffset(finishedAt[row], TimeSpan.Zero),
                    runCode));
                runRepositories.Add(repository);
            }
        }

        return new CiRunSet(Sorted(runs, runRepositories, strings), defaultBranches, owners, [.. names]);
    }

    /// <summary>
    /// The runs by time queued, then repository, run id, attempt and source (ordinal): sorted by the numbers (instant,
    /// the repository's rank), texts compared only among attempts of one repository queued at the same instant.
    /// </summary>
    private static List<CiRun> Sorted(List<CiRun> runs, List<int> repositories, StringTable? strings)
    {
        if (strings is null)
        {
            return runs;
        }

        var ranks = InstantOrder.OrdinalRanks(repositories, code => strings[code]);
        var queuedAt = new long[runs.Count];
        var repositoryRanks = new int[runs.Count];
        for (var i = 0; i < runs.Count; i++)
        {
            (queuedAt[i], repositoryRanks[i]) = (runs[i].QueuedAt.UtcTicks, ranks[repositories[i]]);
        }

        var order = InstantOrder.Of(queuedAt, repositoryRanks, (a, b) =>
        {
            var (x, y) = (runs[a], runs[b]);
            var byRun = string.CompareOrdinal(x.RunId, y.RunId);
            byRun = byRun != 0 ? byRun : x.Attempt.CompareTo(y.Attempt);
            return byRun != 0 ? byRun : string.CompareOrdinal(x.Source, y.Source);
        });

        // Moved into place one cycle of the permutation at a time (the run at i goes where order says), so the runs are
        // not copied into a second list.
        var span = CollectionsMarshal.AsSpan(runs);
        var placed = new bool[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            if (placed[i])
            {
                continue;
            }

            var first = span[i];
            var at = i;
            while (order[at] != i)
            {
                span[at] = span[order[at]];
                placed[at] = true;
                at = order[at];
            }

            span[at] = first;
            placed[at] = true;
        }

        return runs;
    }

    /// <summary>
    /// Orders groups as a <see cref="SortedDictionary{TKey, TValue}"/> with the key type's default comparer would (the
    /// order the CI series have always come in), sorting only the groups, not each record's insertion.
    /// </summary>
    public static IEnumerable<KeyValuePair<TKey, TValue>> InKeyOrder<TKey, TValue>(Dictionary<TKey, TValue> groups)
        where TKey : notnull =>
        groups.OrderBy(g => g.Key, Comparer<TKey>.Default);

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
        Func<CiRun, double?> seconds,
        int minimumRuns,
        CancellationToken cancellationToken)
    {
        var groups = new Dictionary<(string Team, string Repository, string Workflow), WindowedValues>();
        foreach (var run in (await ReadAsync(request, cancellationToken)).Runs)
        {
            if (seconds(run) is not { } value)
            {
                continue;
            }

            var key = (run.Team.Id, run.Repository, run.Workflow);
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = new WindowedValues(Windows(request, run.Team));
            }

            values.Add(run.QueuedAt, value);
        }

        return InKeyOrder(groups)
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

    /// <summary>
    /// The <c>branch</c> label of a run of <paramref name="repository"/> triggered by <paramref name="triggeredBy"/> on
    /// <paramref name="branch"/>: the default branch's name for runs on it that are not pull-request runs, otherwise
    /// <see cref="OtherBranch"/>. Two values per repository at most, however many branches there are. A repository the
    /// store does not describe is taken to use <c>main</c>.
    /// </summary>
    public static string BranchLabel(string repository, string triggeredBy, string? branch, IReadOnlyDictionary<string, string> defaultBranches)
    {
        var defaultBranch = defaultBranches.TryGetValue(repository, out var stored) ? stored : "main";
        var pullRequest = triggeredBy.StartsWith("pull_request", StringComparison.Ordinal);
        return !pullRequest && string.Equals(branch, defaultBranch, StringComparison.Ordinal) ? defaultBranch : OtherBranch;
    }

    /// <summary>A team's windows over the request's period.</summary>
    public static List<TimeWindow> Windows(SignalRequest request, Team team) =>
        TimeWindow.Covering(request.From, request.To, request.Granularity, team.TimeZone).ToList();
}
