using Analytics.Collectors.Simulation;
using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.ChangePoints;
using Analytics.Signals.Ci;
using Analytics.Signals.CiCost;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Series;
using Analytics.Signals.Tests.CiCost;
using Analytics.Storage;
using Analytics.Storage.Schema;
using Analytics.Testing.Time;

using Analytics.Testing.Stores;

namespace Analytics.Signals.Tests.Ci;

/// <summary>
/// The CI signals read workflow runs and jobs through columnar reads (only the columns they use, in any order, grouped by
/// the read's codes); the flaky-impact ledger reads runs the same way. Over a simulated organisation their series, and the
/// ledger's events, must be exactly those of the former reads of whole records, kept here as the reference
/// (<see cref="FormerRunsAsync"/>, <see cref="FormerJobsAsync"/>, <see cref="FormerImpactLedger"/>). On SQLite and PostgreSQL.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class ColumnarCiReadTests : IAsyncLifetime
{
    private readonly FreshStores _stores;

    /// <summary>Runs the tests on stores of <paramref name="kind"/>.</summary>
    protected ColumnarCiReadTests(StoreKind kind) => _stores = new FreshStores(kind, Time);

    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);


    protected FakeTimeProvider Time { get; } = new(End);

    [Theory]
    [InlineData(Granularity.Week)]
    [InlineData(Granularity.Month)]
    public async Task ComputeAsync_SimulatedOrganisation_EqualsTheRecordReads(Granularity granularity)
    {
        var (store, teams) = await SimulatedStoreAsync();
        SignalRequest Request() => new SignalRequest(store, teams, IdentityResolver.Resolve([], [], []), End.AddDays(-120), End, granularity);

        // The former reads and the former aggregations of each signal, over whole records.
        var runs = await FormerRunsAsync(Request());
        runs.Should().Contain(r => r.Run.Attempt > 1, "the simulator re-runs some runs");
        var expected = new Dictionary<string, IReadOnlyList<Series.Series>>
        {
            ["ci.run_duration"] = FormerDurationQuantiles(new CiRunDuration(), Request(), runs, FormerRunSeconds, CiRunDuration.MinimumRuns),
            ["ci.queue_duration"] = FormerDurationQuantiles(new CiQueueDuration(), Request(), runs, r => (r.StartedAt - r.QueuedAt)?.TotalSeconds, CiQueueDuration.MinimumRuns),
            ["ci.failure_rate"] = FormerFailureRate(new CiFailureRate(), Request(), runs, await DefaultBranchesAsync(store)),
            ["ci.rerun_rate"] = FormerRerunRate(new CiRerunRate(), Request(), runs, await DefaultBranchesAsync(store)),
            ["ci.duration_change_points"] = FormerChangePoints(new CiChangePoints(), Request(), runs),
            ["ci.runner_minutes"] = CostSeries(new RunnerMinutes(), Request(), await FormerJobsAsync(Request(), runs, false), withReason: false, j => j.Minutes),
            ["ci.cost"] = CostSeries(new RunnerCost(), Request(), await FormerJobsAsync(Request(), runs, false), withReason: false, j => j.Cost),
            ["ci.wasted_minutes"] = CostSeries(new WastedMinutes(), Request(), await FormerJobsAsync(Request(), runs, true), withReason: true, j => j.Minutes),
            ["ci.wasted_cost"] = CostSeries(new WastedCost(), Request(), await FormerJobsAsync(Request(), runs, true), withReason: true, j => j.Cost),
        };

        ISignal[] signals = [new CiRunDuration(), new CiQueueDuration(), new CiFailureRate(), new CiRerunRate(), new CiChangePoints(), new RunnerMinutes(), new RunnerCost(), new WastedMinutes(), new WastedCost()];
        foreach (var signal in signals)
        {
            // A fresh request each, so no signal is served by another's read.
            var actual = await signal.ComputeAsync(Request(), default);
            actual.Should().NotBeEmpty(signal.Name);
            actual.Should().Equal(expected[signal.Name], signal.Name);
        }

        expected["ci.duration_change_points"].Should().NotBeEmpty("the simulator plants a slowdown");
        expected["ci.wasted_minutes"].Should().Contain(s => s.Labels["reason"] == CiUsage.Flaky, "the simulator plants flaky tests");
    }

    [Fact]
    public async Task ResolveAsync_SimulatedOrganisation_EqualsTheRecordRead()
    {
        var (store, _) = await SimulatedStoreAsync();
        var (from, to) = (End.AddDays(-120), End);

        // Both ledgers are fed the same histories; a test that both failed and passed is blamed as flaky, one that only
        // failed is not (its failures make their attempts "other"), so every branch of the resolution is taken.
        var ledger = new ImpactLedger();
        var former = new FormerImpactLedger();
        await TestResultScanner.ScanAsync(store, from.AddDays(-1), to, null, _ => true, history =>
        {
            var flaky = history.Executions.Any(e => e.IsFailure) && history.Executions.Any(e => e.Counts && !e.IsFailure);
            ledger.Record(history, WindowBlame.Whole(flaky), from, to); // one window, the period: the former rule
            former.Record(history, flaky, from, to);
        }, default);

        var actual = await ledger.ResolveAsync(store, from, to, default);
        var expected = await former.ResolveAsync(store, from, to);

        expected.Should().Contain(e => e.IsAttempt && e.Lost > TimeSpan.Zero, "some flaky failures failed their run");
        actual.Select(Describe).Should().Equal(expected.Select(Describe));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    /// <summary>A new, empty store of this class's kind (closed at disposal).</summary>
    protected Task<IStore> OpenStoreAsync() => _stores.OpenAsync(default);

    private static string Describe(ImpactEvent e) =>
        FormattableString.Invariant($"{e.Repository} {e.Run}/{e.Attempt} {e.At:O} {e.Lost.Ticks} {string.Join(",", e.Tests)} {e.IsAttempt}");

    /// <summary>
    /// 150 simulated days of the four teams' organisation; the request is for three of them, so one team's repositories
    /// are in the store but not asked for.
    /// </summary>
    private async Task<(IStore Store, IReadOnlyList<Team> Teams)> SimulatedStoreAsync()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 11, Days = 150 });
        var store = await OpenStoreAsync();
        await using (var writer = await store.BeginWriteAsync(default))
        {
            await writer.UpsertAsync(Entities.Repositories, organisation.Repositories, default);
            await writer.UpsertAsync(Entities.WorkflowRuns, organisation.WorkflowRuns, default);
            await writer.UpsertAsync(Entities.CiJobs, organisation.CiJobs, default);
            await writer.UpsertAsync(Entities.TestResults, organisation.TestResults, default);
            await writer.CommitAsync(default);
        }

        return (store, organisation.Teams.Take(3).ToList());
    }

    private static async Task<Dictionary<string, string>> DefaultBranchesAsync(IStore store)
    {
        var defaultBranches = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var repository in store.ReadAsync(Entities.Repositories, StoreQuery.All, default))
        {
            defaultBranches[repository.FullName] = repository.DefaultBranch;
        }

        return defaultBranches;
    }

    /// <summary>The former shared read: whole run records in key order, kept when a team owns them, sorted by time queued.</summary>
    private static async Task<List<(Team Team, WorkflowRun Run)>> FormerRunsAsync(SignalRequest request)
    {
        var defaultBranches = await DefaultBranchesAsync(request.Store);
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
        var query = StoreQuery.All.WhereIn("repository", names).Since("queued_at", span.Start - CiRuns.Margin).Before("queued_at", span.End + CiRuns.Margin);
        var runs = new List<(Team Team, WorkflowRun Run)>();
        await foreach (var run in request.Store.ReadAsync(Entities.WorkflowRuns, query, default))
        {
            if (owners.TryGetValue(run.Repository, out var team))
            {
                runs.Add((team, run));
            }
        }

        runs.Sort(static (a, b) =>
        {
            var order = a.Run.QueuedAt.CompareTo(b.Run.QueuedAt);
            order = order != 0 ? order : string.CompareOrdinal(a.Run.Repository, b.Run.Repository);
            order = order != 0 ? order : string.CompareOrdinal(a.Run.RunId, b.Run.RunId);
            order = order != 0 ? order : a.Run.Attempt.CompareTo(b.Run.Attempt);
            return order != 0 ? order : string.CompareOrdinal(a.Run.Source, b.Run.Source);
        });
        return runs;
    }

    private static string FormerBranchLabel(WorkflowRun run, IReadOnlyDictionary<string, string> defaultBranches)
    {
        var defaultBranch = defaultBranches.TryGetValue(run.Repository, out var branch) ? branch : "main";
        var pullRequest = run.Event.StartsWith("pull_request", StringComparison.Ordinal);
        return !pullRequest && string.Equals(run.Branch, defaultBranch, StringComparison.Ordinal) ? defaultBranch : CiRuns.OtherBranch;
    }

    private static double? FormerRunSeconds(WorkflowRun run) =>
        run.Conclusion is RunConclusion.Cancelled or RunConclusion.Skipped or null ? null : run.Duration?.TotalSeconds;

    private static List<Series.Series> FormerDurationQuantiles(
        ISignal signal, SignalRequest request, List<(Team Team, WorkflowRun Run)> runs, Func<WorkflowRun, double?> seconds, int minimumRuns)
    {
        var groups = new Dictionary<(string Team, string Repository, string Workflow), WindowedValues>();
        foreach (var (team, run) in runs)
        {
            if (seconds(run) is not { } value)
            {
                continue;
            }

            var key = (team.Id, run.Repository, run.Workflow);
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = new WindowedValues(CiRuns.Windows(request, team));
            }

            values.Add(run.QueuedAt, value);
        }

        return CiRuns.InKeyOrder(groups)
            .SelectMany(g => new[] { 0.5, 0.9 }.Select(q => g.Value.ToSeries(
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

    private static List<Series.Series> FormerFailureRate(
        ISignal signal, SignalRequest request, List<(Team Team, WorkflowRun Run)> runs, Dictionary<string, string> defaultBranches)
    {
        var groups = new Dictionary<(string Team, string Repository, string Workflow, string Branch), WindowedValues>();
        foreach (var (team, run) in runs)
        {
            if (run.Status != RunStatus.Completed
                || run.Conclusion is null or RunConclusion.Cancelled or RunConclusion.Skipped or RunConclusion.Stale)
            {
                continue;
            }

            var key = (team.Id, run.Repository, run.Workflow, FormerBranchLabel(run, defaultBranches));
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = new WindowedValues(CiRuns.Windows(request, team));
            }

            values.Add(run.QueuedAt, run.Conclusion is RunConclusion.Failure or RunConclusion.TimedOut or RunConclusion.StartupFailure ? 1 : 0);
        }

        return RateSeries(signal, groups);
    }

    private static List<Series.Series> FormerRerunRate(
        ISignal signal, SignalRequest request, List<(Team Team, WorkflowRun Run)> runs, Dictionary<string, string> defaultBranches)
    {
        var groups = new Dictionary<(string Team, string Repository, string Workflow, string Branch), WindowedValues>();
        foreach (var attempts in runs.GroupBy(r => (r.Run.Source, r.Run.Repository, r.Run.RunId)))
        {
            var (team, first) = attempts.MinBy(a => a.Run.Attempt);
            var key = (team.Id, first.Repository, first.Workflow, FormerBranchLabel(first, defaultBranches));
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = new WindowedValues(CiRuns.Windows(request, team));
            }

            values.Add(first.QueuedAt, attempts.Any(a => a.Run.Attempt > 1) ? 1 : 0);
        }

        return RateSeries(signal, groups);
    }

    private static List<Series.Series> RateSeries(ISignal signal, Dictionary<(string Team, string Repository, string Workflow, string Branch), WindowedValues> groups) =>
        CiRuns.InKeyOrder(groups)
            .Select(g => g.Value.ToSeries(
                signal.Name,
                Labels.Of(new Label("team", g.Key.Team), new Label("repository", g.Key.Repository), new Label("workflow", g.Key.Workflow), new Label("branch", g.Key.Branch)),
                signal.Unit,
                values => values.Count > 0 ? values.Average() : null))
            .ToList();

    private static List<Series.Series> FormerChangePoints(CiChangePoints signal, SignalRequest request, List<(Team Team, WorkflowRun Run)> runs)
    {
        var groups = new Dictionary<(string Team, string Repository, string Workflow), (string TimeZone, List<TimedValue> Durations)>();
        foreach (var (team, run) in runs)
        {
            if (run.Conclusion != RunConclusion.Success || run.Duration is not { } duration || run.QueuedAt < request.From || run.QueuedAt >= request.To)
            {
                continue;
            }

            var key = (team.Id, run.Repository, run.Workflow);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = (team.TimeZone, []);
            }

            group.Durations.Add(new TimedValue(run.QueuedAt, duration.TotalSeconds));
        }

        var series = new List<Series.Series>();
        foreach (var (key, (timeZone, durations)) in CiRuns.InKeyOrder(groups))
        {
            var points = ChangePointDetector.Detect(durations, signal.Options);
            if (points.Count == 0)
            {
                continue;
            }

            var windows = points
                .GroupBy(p => TimeWindow.Containing(p.At!.Value, request.Granularity, timeZone))
                .Select(g => new SeriesPoint(g.Key, g.MaxBy(p => Math.Abs(p.RelativeChange))!.RelativeChange, durations.Count(d => d.At >= g.Key.Start && d.At < g.Key.End)))
                .OrderBy(p => p.Window.Start);
            series.Add(new Series.Series(
                signal.Name,
                Labels.Of(new Label("team", key.Team), new Label("repository", key.Repository), new Label("workflow", key.Workflow)),
                signal.Unit,
                ValueList.From(windows)));
        }

        return series;
    }

    /// <summary>The former job read: whole job records in key order, priced and classified as before.</summary>
    private static async Task<List<JobUsage>> FormerJobsAsync(SignalRequest request, List<(Team Team, WorkflowRun Run)> runs, bool classifyWaste)
    {
        var span = RequestSpan.Of(request);
        var workflows = new Dictionary<(string Source, string Repository, string RunId), string>();
        foreach (var (_, run) in runs)
        {
            workflows.TryAdd((run.Source, run.Repository, run.RunId), run.Workflow);
        }

        var owners = new Dictionary<string, Team>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in request.Teams)
        {
            foreach (var repository in team.Repositories)
            {
                owners.TryAdd(repository, team);
            }
        }

        var names = OwnedRepositories.Spellings(request.Teams.SelectMany(t => t.Repositories), (await DefaultBranchesAsync(request.Store)).Keys);
        var query = StoreQuery.All.WhereIn("repository", names).Since("queued_at", span.Start.AddDays(-1)).Before("queued_at", span.End);
        var owned = new List<(Team Team, CiJob Job)>();
        await foreach (var job in request.Store.ReadAsync(Entities.CiJobs, query, default))
        {
            if (owners.TryGetValue(job.Repository, out var team))
            {
                owned.Add((team, job));
            }
        }

        var lastAttempts = new Dictionary<(string Source, string Repository, string RunId, string Name), int>();
        var flakyAttempts = new HashSet<(string Repository, string Run, int Attempt)>();
        if (classifyWaste)
        {
            foreach (var (_, job) in owned)
            {
                var key = (job.Source, job.Repository, job.RunId, job.Name);
                lastAttempts[key] = Math.Max(job.Attempt, lastAttempts.GetValueOrDefault(key));
            }

            var timeline = await FlakinessTimeline.ComputeAsync(request, FlakinessOptions.Default, default);
            flakyAttempts = timeline.Events.Where(e => e.IsAttempt).Select(e => (e.Repository, e.Run, e.Attempt)).ToHashSet();
        }

        var jobs = owned.Where(o => o.Job.StartedAt is not null && o.Job.FinishedAt is not null).ToList();
        jobs.Sort(static (a, b) =>
        {
            var order = Nullable.Compare(a.Job.StartedAt, b.Job.StartedAt);
            order = order != 0 ? order : string.CompareOrdinal(a.Job.Repository, b.Job.Repository);
            order = order != 0 ? order : string.CompareOrdinal(a.Job.JobId, b.Job.JobId);
            return order != 0 ? order : string.CompareOrdinal(a.Job.Source, b.Job.Source);
        });
        var usage = new List<JobUsage>();
        foreach (var (team, job) in jobs)
        {
            var minutes = CiUsage.BillableMinutes(job.FinishedAt!.Value - job.StartedAt!.Value);
            var price = request.RunnerPrices.PriceOf(job.RunnerLabels).PerMinute;
            string? waste = null;
            if (classifyWaste)
            {
                var failed = job.Conclusion is RunConclusion.Failure or RunConclusion.TimedOut;
                var rerun = lastAttempts[(job.Source, job.Repository, job.RunId, job.Name)] > job.Attempt;
                waste = !(failed || rerun) ? null
                    : flakyAttempts.Contains((job.Repository, TestHistory.RunKeyOf(job.Source, job.RunId), job.Attempt)) ? CiUsage.Flaky
                    : failed ? CiUsage.Failed
                    : CiUsage.Rerun;
            }

            usage.Add(new JobUsage(team.Id, job.Repository, workflows.GetValueOrDefault((job.Source, job.Repository, job.RunId), "unknown"), job.StartedAt!.Value, minutes, minutes * price, waste));
        }

        return usage;
    }

    /// <summary>The cost signals' former sums over the former jobs, labelled as each signal labels them.</summary>
    private static IReadOnlyList<Series.Series> CostSeries(ISignal signal, SignalRequest request, List<JobUsage> jobs, bool withReason, Func<JobUsage, decimal> measure) =>
        SharedJobReadTests.FormerSum(signal, request, withReason ? jobs.Where(j => j.Waste is not null) : jobs, withReason, measure);

    /// <summary>The former impact ledger: as <see cref="ImpactLedger"/>, resolving attempts against whole run records.</summary>
    private sealed class FormerImpactLedger
    {
        private readonly Dictionary<(string Repository, string Run, int Attempt), (DateTimeOffset FirstAt, List<string> Flaky, bool Other)> _attempts = [];
        private readonly List<(string Repository, string Run, int Attempt, string TestId, DateTimeOffset At, TimeSpan Duration)> _retries = [];

        public void Record(TestHistory history, bool flaky, DateTimeOffset from, DateTimeOffset to)
        {
            var last = new Dictionary<(int Run, int Attempt, int Job), TestExecution>();
            foreach (var e in history.Executions)
            {
                if (e.StartedAt < from || e.StartedAt >= to || !e.Counts)
                {
                    continue;
                }

                if (!last.TryGetValue((e.Run, e.Attempt, e.Job), out var previous) || e.Execution > previous.Execution)
                {
                    last[(e.Run, e.Attempt, e.Job)] = e;
                }

                if (flaky && e.Execution > 0)
                {
                    _retries.Add((history.Repository, history.RunKey(e.Run), e.Attempt, history.TestId, e.StartedAt, e.Duration));
                }
            }

            foreach (var e in last.Values.Where(e => e.IsFailure))
            {
                var key = (history.Repository, history.RunKey(e.Run), e.Attempt);
                (DateTimeOffset FirstAt, List<string> Flaky, bool Other) failures = _attempts.TryGetValue(key, out var found) ? found : (e.StartedAt, [], false);
                failures.FirstAt = e.StartedAt < failures.FirstAt ? e.StartedAt : failures.FirstAt;
                if (!flaky)
                {
                    failures.Other = true;
                }
                else if (!failures.Flaky.Contains(history.TestId))
                {
                    failures.Flaky.Add(history.TestId);
                }

                _attempts[key] = failures;
            }
        }

        public async Task<List<ImpactEvent>> ResolveAsync(IStore store, DateTimeOffset from, DateTimeOffset to)
        {
            var candidates = _attempts.Where(a => !a.Value.Other && a.Value.Flaky.Count > 0).ToDictionary(a => a.Key, a => a.Value);
            var runs = new Dictionary<(string Repository, string Run, int Attempt), WorkflowRun>();
            if (candidates.Count > 0)
            {
                var query = StoreQuery.All
                    .WhereIn("repository", candidates.Keys.Select(k => k.Repository).Distinct(StringComparer.Ordinal))
                    .Since("queued_at", from.AddDays(-1))
                    .Before("queued_at", to);
                await foreach (var run in store.ReadAsync(Entities.WorkflowRuns, query, default))
                {
                    var key = (run.Repository, TestHistory.RunKeyOf(run.Source, run.RunId), run.Attempt);
                    if (candidates.ContainsKey(key))
                    {
                        runs[key] = run;
                    }
                }
            }

            var events = new List<ImpactEvent>();
            var counted = new HashSet<(string, string, int)>();
            foreach (var (key, failures) in candidates.OrderBy(c => c.Value.FirstAt))
            {
                var run = runs.GetValueOrDefault(key);
                if (run is not null && run.Conclusion != RunConclusion.Failure)
                {
                    continue;
                }

                counted.Add(key);
                var tests = failures.Flaky.Order(StringComparer.Ordinal).ToList();
                events.Add(new ImpactEvent(key.Repository, key.Run, key.Attempt, run?.QueuedAt ?? failures.FirstAt, run?.Duration ?? TimeSpan.Zero, tests, true));
            }

            foreach (var retry in _retries.Where(r => !counted.Contains((r.Repository, r.Run, r.Attempt))))
            {
                events.Add(new ImpactEvent(retry.Repository, retry.Run, retry.Attempt, retry.At, retry.Duration, [retry.TestId], false));
            }

            return events;
        }
    }
}

/// <summary>The columnar CI reads on SQLite.</summary>
public sealed class SqliteColumnarCiReadTests() : ColumnarCiReadTests(StoreKind.Sqlite);

/// <summary>The columnar CI reads on PostgreSQL.</summary>
public sealed class PostgresColumnarCiReadTests() : ColumnarCiReadTests(StoreKind.Postgres);
