using System.Runtime.InteropServices;
using Analytics.Domain.Ci;
using Analytics.Domain.People;
using Analytics.Signals.Ci;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Series;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;

namespace Analytics.Signals.CiCost;

/// <summary>
/// The runner use of the jobs of the teams' repositories, priced and classified (definitions:
/// <c>docs/signals/ci.cost.md</c>). Shared by the <c>ci.runner_minutes</c>, <c>ci.cost</c>, <c>ci.wasted_*</c> signals:
/// the jobs are read once per request (<see cref="JobsAsync"/>), and their waste decided once more
/// (<see cref="WasteAsync"/>) only for the signals that need it, since it takes the flaky-test analysis.
/// </summary>
internal static class CiUsage
{
    /// <summary>Waste of an attempt that failed only because of flaky tests (as <c>tests.flaky_ci_time</c> decides).</summary>
    public const string Flaky = "flaky";

    /// <summary>Waste of a job that failed or timed out.</summary>
    public const string Failed = "failed";

    /// <summary>Waste of a job that passed (or was cancelled) but ran again in a later attempt of its run.</summary>
    public const string Rerun = "rerun";

    /// <summary>The <c>reason</c> label of each <see cref="WasteReason"/>.</summary>
    private static readonly string?[] ReasonLabels = [null, Flaky, Failed, Rerun];

    /// <summary>
    /// GitHub bills each job's run time rounded up to the whole minute (GitHub Docs, "Viewing job execution time":
    /// billable minutes "are rounded up to the next minute"), so a 61-second job is 2 minutes and a 0-second job 0.
    /// </summary>
    public static int BillableMinutes(TimeSpan runTime) => (int)((runTime.Ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute);

    /// <summary>The columns read from <c>ci_jobs</c>, in the order of the constants below.</summary>
    private static readonly string[] Columns =
        ["source", "repository", "run_id", "attempt", "name", "conclusion", "started_at", "finished_at", "runner_labels"];

    private const int SourceColumn = 0;
    private const int RepositoryColumn = 1;
    private const int RunIdColumn = 2;
    private const int AttemptColumn = 3;
    private const int NameColumn = 4;
    private const int ConclusionColumn = 5;
    private const int StartedAtColumn = 6;
    private const int FinishedAtColumn = 7;
    private const int RunnerLabelsColumn = 8;

    /// <summary>
    /// Every started and finished job of an owned repository queued in the request's windows (or the day before), priced
    /// and with what its waste depends on, read once per request (<see cref="SignalRequest.OncePerRequestAsync"/>: the
    /// four signals computed together share it); see <see cref="CiJobSet"/>.
    /// </summary>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public static Task<CiJobSet> JobsAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(JobsAsync), ct => ReadAsync(request, ct), cancellationToken);

    /// <summary>
    /// Why each job of <see cref="JobsAsync"/> was wasted (<see cref="WasteReason.None"/> when it was not), decided once
    /// per request; the flaky reason comes from the flaky-test analysis's impact events (<see cref="FlakinessTimeline"/>),
    /// which <c>tests.flaky_ci_time</c> shares.
    /// </summary>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public static Task<WasteReason[]> WasteAsync(SignalRequest request, CancellationToken cancellationToken) =>
        request.OncePerRequestAsync(nameof(WasteAsync), ct => ClassifyAsync(request, ct), cancellationToken);

    private static async Task<WasteReason[]> ClassifyAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        var jobs = await JobsAsync(request, cancellationToken);
        var timeline = await FlakinessTimeline.ComputeAsync(request, FlakinessOptions.Default, cancellationToken);
        var flakyAttempts = timeline.Events.Where(e => e.IsAttempt).Select(e => (e.Repository, e.Run, e.Attempt)).ToHashSet();
        return Classify(jobs, flakyAttempts);
    }

    private static WasteReason[] Classify(CiJobSet jobs, HashSet<(string Repository, string Run, int Attempt)> flakyAttempts)
    {
        var reasons = new WasteReason[jobs.Count];
        var runKeys = new string?[jobs.Runs.Count];
        var outcomes = jobs.Outcome;
        var runs = jobs.Run;
        var attempts = jobs.Attempt;
        for (var i = 0; i < reasons.Length; i++)
        {
            var outcome = outcomes[i];
            if (outcome == JobOutcome.None)
            {
                continue;
            }

            // The run key (source and run id, as the flaky-test analysis names runs) is made once per run, when needed.
            var (source, repository, runId) = jobs.Runs[runs[i]];
            var runKey = runKeys[runs[i]] ??= TestHistory.RunKeyOf(source, runId);
            reasons[i] = flakyAttempts.Contains((repository, runKey, attempts[i])) ? WasteReason.Flaky
                : (outcome & JobOutcome.Failed) != 0 ? WasteReason.Failed
                : WasteReason.Rerun;
        }

        return reasons;
    }

    /// <summary>
    /// One series per kind of job (team, repository, workflow; and the reason when <paramref name="waste"/> is given, in
    /// which case only wasted jobs count), whose point in each window of the team is the jobs' minutes (or cost, when
    /// <paramref name="cost"/>) summed exactly over those started in it (<see cref="WindowSums"/>); observations are the jobs. Series
    /// are in the ordinal order of their labels' text.
    /// </summary>
    public static IReadOnlyList<Series.Series> SumByKind(ISignal signal, SignalRequest request, CiJobSet jobs, WasteReason[]? waste, bool cost)
    {
        var teams = request.Teams.ToDictionary(t => t.Id);
        var groups = new Dictionary<Labels, WindowSums>();

        // Labels are built once per kind of job (and reason) rather than once per job: building them sorts and checks them.
        var reasons = waste is null ? 1 : ReasonLabels.Length;
        var byKind = new WindowSums?[jobs.Kinds.Count * reasons];
        var kinds = jobs.Kind;
        var startedAt = jobs.StartedAt;
        var minutes = jobs.Minutes;
        var costs = jobs.Cost;
        for (var i = 0; i < jobs.Count; i++)
        {
            var reason = waste is null ? 0 : (int)waste[i];
            if (waste is not null && reason == 0)
            {
                continue;
            }

            var slot = (kinds[i] * reasons) + reason;
            if (byKind[slot] is not { } sums)
            {
                var kind = jobs.Kinds[kinds[i]];
                var labels = waste is null
                    ? Labels.Of(new Label("team", kind.Team.Id), new Label("repository", kind.Repository), new Label("workflow", kind.Workflow))
                    : Labels.Of(new Label("team", kind.Team.Id), new Label("repository", kind.Repository), new Label("workflow", kind.Workflow), new Label("reason", ReasonLabels[reason]!));
                if (!groups.TryGetValue(labels, out sums))
                {
                    groups[labels] = sums = WindowSums.ForTeam(request, teams[kind.Team.Id]);
                }

                byKind[slot] = sums;
            }

            sums.Add(startedAt[i], cost ? costs[i] : minutes[i]);
        }

        return Ordered(signal, groups);
    }

    private static List<Series.Series> Ordered(ISignal signal, Dictionary<Labels, WindowSums> groups) =>
        groups
            .OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Select(g => g.Value.ToSeries(signal.Name, g.Key, signal.Unit))
            .ToList();

    /// <summary>
    /// The jobs from a columnar read of only the columns used, in the store's order: every use of them sums exactly or
    /// looks at one job at a time, so no order is imposed (and the job id, read only to order them, is not read). Owners,
    /// workflows, prices, runs and (run, job name) pairs are looked up by the read's integer codes, each distinct value
    /// once; per job only numbers are kept, and texts per distinct value.
    /// </summary>
    private static async Task<CiJobSet> ReadAsync(SignalRequest request, CancellationToken cancellationToken)
    {
        // Jobs queued up to a day before a window can start in it; runs are queued before their jobs, and the CI signals'
        // shared read of the runs reaches a week beyond the windows (CiRuns.Margin), so it names every job's workflow.
        var span = RequestSpan.Of(request);
        var runSet = await CiRuns.ReadAsync(request, cancellationToken);
        var workflows = new RunWorkflows(runSet.Runs);

        var query = StoreQuery.All
            .WhereIn("repository", runSet.Repositories)
            .Since("queued_at", span.Start.AddDays(-1))
            .Before("queued_at", span.End)
            .InAnyOrder();
        var set = new CiJobSet.Builder();
        var nameKeys = new List<long>();
        var lastAttempts = new Dictionary<long, int>();
        var teams = new Dictionary<int, Team?>();
        var runs = new RunsByCode();
        var runWorkflows = new Dictionary<(int Source, int Repository), IReadOnlyDictionary<string, string>?>();
        var runKinds = new List<int>();
        var kinds = new Dictionary<(int Repository, string Workflow), int>();
        var prices = new Dictionary<int, decimal>();
        var (lastRepository, lastTeam) = (StringTable.Null, (Team?)null);
        var (lastRun, lastRunIndex) = ((Source: StringTable.Null, Repository: StringTable.Null, RunId: StringTable.Null), -1);
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.CiJobs, Columns, query, cancellationToken))
        {
            var strings = batch.Strings;
            var sources = batch.Codes(SourceColumn);
            var repositories = batch.Codes(RepositoryColumn);
            var runIds = batch.Codes(RunIdColumn);
            var attempts = batch.Codes(AttemptColumn);
            var names = batch.Codes(NameColumn);
            var conclusions = batch.Codes(ConclusionColumn);
            var startedAt = batch.Ticks(StartedAtColumn);
            var finishedAt = batch.Ticks(FinishedAtColumn);
            var labels = batch.Codes(RunnerLabelsColumn);
            for (var row = 0; row < batch.Count; row++)
            {
                // Rows mostly come a repository and a run at a time: the last one is remembered before the dictionaries.
                var repository = repositories[row];
                if (repository != lastRepository)
                {
                    if (!teams.TryGetValue(repository, out lastTeam))
                    {
                        teams[repository] = lastTeam = runSet.Owners.GetValueOrDefault(strings[repository]);
                    }

                    lastRepository = repository;
                }

                if (lastTeam is null)
                {
                    continue;
                }

                var runCode = (Source: sources[row], Repository: repository, RunId: runIds[row]);
                if (runCode != lastRun)
                {
                    if (!runs.TryGet(runCode, out lastRunIndex))
                    {
                        lastRunIndex = runs.Add(runCode); // the same index as the run's in set.Runs, added below
                        var run = (strings[runCode.Source], strings[repository], strings[runCode.RunId]);
                        if (!runWorkflows.TryGetValue((runCode.Source, repository), out var runIdWorkflows))
                        {
                            runWorkflows[(runCode.Source, repository)] = runIdWorkflows = workflows.Of(run.Item1, run.Item2);
                        }

                        var workflow = runIdWorkflows?.GetValueOrDefault(run.Item3) ?? "unknown";
                        if (!kinds.TryGetValue((repository, workflow), out var kindIndex))
                        {
                            kinds[(repository, workflow)] = kindIndex = set.Kinds.Count;
                            set.Kinds.Add(new JobKind(lastTeam, run.Item2, workflow));
                        }

                        set.Runs.Add(run);
                        runKinds.Add(kindIndex);
                    }

                    lastRun = runCode;
                }

                // A job is re-run when a later attempt of its run has a job of the same name (unfinished jobs count too).
                var nameKey = ((long)lastRunIndex << 32) | (uint)names[row];
                ref var lastAttempt = ref CollectionsMarshal.GetValueRefOrAddDefault(lastAttempts, nameKey, out _);
                lastAttempt = Math.Max(lastAttempt, attempts[row]);
                if (batch.IsNull(StartedAtColumn, row) || batch.IsNull(FinishedAtColumn, row))
                {
                    continue;
                }

                var minutes = BillableMinutes(TimeSpan.FromTicks(finishedAt[row] - startedAt[row]));
                if (!prices.TryGetValue(labels[row], out var perMinute))
                {
                    prices[labels[row]] = perMinute = request.RunnerPrices.PriceOf(batch.Lists[labels[row]]).PerMinute;
                }

                var failed = conclusions[row] != StringTable.Null && (RunConclusion)conclusions[row] is RunConclusion.Failure or RunConclusion.TimedOut;
                set.Add(runKinds[lastRunIndex], startedAt[row], minutes, minutes * perMinute, failed ? JobOutcome.Failed : JobOutcome.None, lastRunIndex, attempts[row]);
                nameKeys.Add(nameKey);
            }
        }

        // Whether a job was re-run is known only once every attempt of its run has been read.
        return set.ToJobSet(i => lastAttempts[nameKeys[i]]);
    }
}
