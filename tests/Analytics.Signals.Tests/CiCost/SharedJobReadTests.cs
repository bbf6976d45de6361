using Analytics.Collectors.Simulation;
using Analytics.Domain.Ci;
using Analytics.Domain.Common;
using Analytics.Domain.People;
using Analytics.Signals.Ci;
using Analytics.Signals.CiCost;
using Analytics.Signals.Flakiness;
using Analytics.Signals.Series;
using Analytics.Signals.Tests.Ci;
using Analytics.Storage;
using Analytics.Storage.Columns;
using Analytics.Storage.Schema;
using Analytics.Testing.Stores;
using Analytics.Testing.Time;

namespace Analytics.Signals.Tests.CiCost;

/// <summary>
/// The four CI cost signals share one read of the jobs per request, held compactly (<see cref="CiJobSet"/>), and one
/// waste classification. Over a simulated organisation their series must be exactly those of the former computation,
/// in which each signal read and sorted the jobs itself and summed lists of values (kept here as the reference:
/// <see cref="FormerReadAsync"/>, <see cref="FormerSum"/>), computed together over one request or each alone. Prices
/// with many decimals would make sums in doubles depend on the order jobs are added in; the sums are exact. On SQLite and
/// PostgreSQL.
/// </summary>
#pragma warning disable CA1001 // xunit disposes through IAsyncLifetime.
public abstract class SharedJobReadTests : IAsyncLifetime
{
    private static readonly DateTimeOffset End = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly RunnerPrices Prices = new(new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["ubuntu-*"] = 0.0137m,
        ["macos-*"] = 0.0833m,
        ["*"] = 0.0071m,
    });

    private readonly FreshStores _stores;

    /// <summary>Runs the tests on stores of <paramref name="kind"/>.</summary>
    protected SharedJobReadTests(StoreKind kind) => _stores = new FreshStores(kind, new FakeTimeProvider(End));

    [Theory]
    [InlineData(Granularity.Week)]
    [InlineData(Granularity.Month)]
    public async Task ComputeAsync_SimulatedOrganisation_EqualsTheFormerPerSignalReads(Granularity granularity)
    {
        var (store, teams) = await SimulatedStoreAsync();
        SignalRequest Request() => new SignalRequest(store, teams, IdentityResolver.Resolve([], [], []), End.AddDays(-120), End, granularity)
        {
            RunnerPrices = Prices,
        };

        var unclassified = await FormerReadAsync(Request(), priced: true, classifyWaste: false);
        var classified = await FormerReadAsync(Request(), priced: true, classifyWaste: true);
        var expected = new Dictionary<string, IReadOnlyList<Series.Series>>
        {
            ["ci.runner_minutes"] = FormerSum(new RunnerMinutes(), Request(), unclassified, withReason: false, j => j.Minutes),
            ["ci.cost"] = FormerSum(new RunnerCost(), Request(), unclassified, withReason: false, j => j.Cost),
            ["ci.wasted_minutes"] = FormerSum(new WastedMinutes(), Request(), classified.Where(j => j.Waste is not null), withReason: true, j => j.Minutes),
            ["ci.wasted_cost"] = FormerSum(new WastedCost(), Request(), classified.Where(j => j.Waste is not null), withReason: true, j => j.Cost),
        };

        // Sums in doubles would depend on the order where jobs of one repository start at the same instant (parallel jobs of a run).
        unclassified.GroupBy(j => (j.StartedAt, j.Repository)).Should().Contain(g => g.Count() > 1, "jobs starting together are summed");
        classified.Select(j => j.Waste).Distinct().Should().Contain([CiUsage.Flaky, CiUsage.Failed, CiUsage.Rerun, null]);

        ISignal[] signals = [new RunnerMinutes(), new RunnerCost(), new WastedMinutes(), new WastedCost()];
        var together = Request();
        foreach (var signal in signals)
        {
            expected[signal.Name].Should().NotBeEmpty(signal.Name);
            (await signal.ComputeAsync(Request(), default)).Should().Equal(expected[signal.Name], signal.Name + " alone");
            (await signal.ComputeAsync(together, default)).Should().Equal(expected[signal.Name], signal.Name + " together");
        }
    }

    [Fact]
    public async Task ComputeAsync_SameRequest_ReadsTheJobsOnceAndTestResultsOnlyForWaste()
    {
        var (inner, teams) = await SimulatedStoreAsync();
        var store = new CountingStore(inner);
        var request = new SignalRequest(store, teams, IdentityResolver.Resolve([], [], []), End.AddDays(-120), End, Granularity.Week);

        await new RunnerMinutes().ComputeAsync(request, default);
        await new RunnerCost().ComputeAsync(request, default);
        store.ReadsOf(Entities.CiJobs.Table).Should().Be(1);
        store.ReadsOf(Entities.TestResults.Table).Should().Be(0, "minutes and cost need no flaky-test analysis");

        await new WastedMinutes().ComputeAsync(request, default);
        var testReads = store.ReadsOf(Entities.TestResults.Table);
        await new WastedCost().ComputeAsync(request, default);
        await new FlakyCiTime().ComputeAsync(request, default);
        store.ReadsOf(Entities.CiJobs.Table).Should().Be(1, "the four signals share one read of the jobs");
        testReads.Should().BePositive("waste is classified with the flaky-test analysis");
        store.ReadsOf(Entities.TestResults.Table).Should().Be(testReads, "the waste and tests.flaky_ci_time share one analysis");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _stores.DisposeAsync();

    /// <summary>150 simulated days of the four teams' organisation; the request is for three of them.</summary>
    private async Task<(IStore Store, IReadOnlyList<Team> Teams)> SimulatedStoreAsync()
    {
        var organisation = OrganisationSimulator.Generate(new SimulationOptions { End = End, Seed = 23, Days = 150 });
        var store = await _stores.OpenAsync(default);
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

    /// <summary>
    /// The per-signal sums as defined (docs/signals/ci.cost.md): per group and window, the jobs' measures added exactly, in
    /// decimal, then rounded once to a double; a window without jobs reads 0.
    /// </summary>
    internal static List<Series.Series> FormerSum(ISignal signal, SignalRequest request, IEnumerable<JobUsage> jobs, bool withReason, Func<JobUsage, decimal> measure)
    {
        var teams = request.Teams.ToDictionary(t => t.Id);
        var groups = new Dictionary<Labels, (WindowedValues Windows, List<decimal>[] Values)>();
        foreach (var job in jobs)
        {
            var labels = withReason
                ? Labels.Of(new Label("team", job.Team), new Label("repository", job.Repository), new Label("workflow", job.Workflow), new Label("reason", job.Waste!))
                : Labels.Of(new Label("team", job.Team), new Label("repository", job.Repository), new Label("workflow", job.Workflow));
            if (!groups.TryGetValue(labels, out var group))
            {
                var windows = WindowedValues.ForTeam(request, teams[job.Team]);
                groups[labels] = group = (windows, windows.Windows.Select(_ => new List<decimal>()).ToArray());
            }

            if (group.Windows.IndexOf(job.StartedAt) is var window and >= 0)
            {
                group.Values[window].Add(measure(job));
            }
        }

        return groups
            .OrderBy(g => g.Key.ToString(), StringComparer.Ordinal)
            .Select(g => new Series.Series(
                signal.Name,
                g.Key,
                signal.Unit,
                ValueList.From(g.Value.Windows.Windows.Select((w, i) => new SeriesPoint(w, (double)g.Value.Values[i].Sum(), g.Value.Values[i].Count)))))
            .ToList();
    }

    private static readonly string[] Columns =
        ["source", "repository", "run_id", "attempt", "job_id", "name", "conclusion", "started_at", "finished_at", "runner_labels"];

    /// <summary>The former read each signal made: the owned jobs as records of strings, priced, classified and sorted.</summary>
    private static async Task<List<JobUsage>> FormerReadAsync(SignalRequest request, bool priced, bool classifyWaste)
    {
        var span = RequestSpan.Of(request);
        var runs = await CiRuns.ReadAsync(request, default);
        var workflows = new Dictionary<(string Source, string Repository, string RunId), string>();
        foreach (var run in runs.Runs)
        {
            workflows.TryAdd((run.Source, run.Repository, run.RunId), run.Workflow);
        }

        var query = StoreQuery.All.WhereIn("repository", runs.Repositories).Since("queued_at", span.Start.AddDays(-1)).Before("queued_at", span.End);
        var owned = new List<FormerJob>();
        var nameKeys = new Dictionary<(string Source, string Repository, string RunId, string Name), int>();
        await foreach (var batch in request.Store.ReadColumnsAsync(Entities.CiJobs, Columns, query.InAnyOrder(), default))
        {
            var strings = batch.Strings;
            for (var row = 0; row < batch.Count; row++)
            {
                var repository = strings[batch.Codes(1)[row]];
                if (runs.Owners.GetValueOrDefault(repository) is not { } team)
                {
                    continue;
                }

                var (source, runId, name) = (strings[batch.Codes(0)[row]], strings[batch.Codes(2)[row]], strings[batch.Codes(5)[row]]);
                if (!nameKeys.TryGetValue((source, repository, runId, name), out var nameKey))
                {
                    nameKeys[(source, repository, runId, name)] = nameKey = nameKeys.Count;
                }

                var conclusion = batch.Codes(6)[row];
                owned.Add(new FormerJob(
                    team,
                    source,
                    repository,
                    runId,
                    strings[batch.Codes(4)[row]],
                    batch.Codes(3)[row],
                    conclusion == StringTable.Null ? null : (RunConclusion)conclusion,
                    batch.IsNull(7, row) ? null : new DateTimeOffset(batch.Ticks(7)[row], TimeSpan.Zero),
                    batch.IsNull(8, row) ? null : new DateTimeOffset(batch.Ticks(8)[row], TimeSpan.Zero),
                    workflows.GetValueOrDefault((source, repository, runId), "unknown"),
                    nameKey,
                    priced ? request.RunnerPrices.PriceOf(batch.Lists[batch.Codes(9)[row]]).PerMinute : 0m));
            }
        }

        var lastAttempts = new int[nameKeys.Count];
        var flakyAttempts = new HashSet<(string Repository, string Run, int Attempt)>();
        if (classifyWaste)
        {
            foreach (var job in owned)
            {
                lastAttempts[job.NameKey] = Math.Max(job.Attempt, lastAttempts[job.NameKey]);
            }

            var timeline = await FlakinessTimeline.ComputeAsync(request, FlakinessOptions.Default, default);
            flakyAttempts = timeline.Events.Where(e => e.IsAttempt).Select(e => (e.Repository, e.Run, e.Attempt)).ToHashSet();
        }

        var jobs = owned.Where(j => j.StartedAt is not null && j.FinishedAt is not null).ToList();
        jobs.Sort(static (a, b) =>
        {
            var order = Nullable.Compare(a.StartedAt, b.StartedAt);
            order = order != 0 ? order : string.CompareOrdinal(a.Repository, b.Repository);
            order = order != 0 ? order : string.CompareOrdinal(a.JobId, b.JobId);
            return order != 0 ? order : string.CompareOrdinal(a.Source, b.Source);
        });
        var usage = new List<JobUsage>(jobs.Count);
        foreach (var job in jobs)
        {
            var minutes = CiUsage.BillableMinutes(job.FinishedAt!.Value - job.StartedAt!.Value);
            string? waste = null;
            if (classifyWaste)
            {
                var failed = job.Conclusion is RunConclusion.Failure or RunConclusion.TimedOut;
                var rerun = lastAttempts[job.NameKey] > job.Attempt;
                waste = !(failed || rerun) ? null
                    : flakyAttempts.Contains((job.Repository, TestHistory.RunKeyOf(job.Source, job.RunId), job.Attempt)) ? CiUsage.Flaky
                    : failed ? CiUsage.Failed
                    : CiUsage.Rerun;
            }

            usage.Add(new JobUsage(job.Team.Id, job.Repository, job.Workflow, job.StartedAt!.Value, minutes, minutes * job.PerMinute, waste));
        }

        return usage;
    }

    private readonly record struct FormerJob(
        Team Team,
        string Source,
        string Repository,
        string RunId,
        string JobId,
        int Attempt,
        RunConclusion? Conclusion,
        DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt,
        string Workflow,
        int NameKey,
        decimal PerMinute);
}

/// <summary>The shared job read on SQLite.</summary>
public sealed class SqliteSharedJobReadTests() : SharedJobReadTests(StoreKind.Sqlite);

/// <summary>The shared job read on PostgreSQL.</summary>
public sealed class PostgresSharedJobReadTests() : SharedJobReadTests(StoreKind.Postgres);
